// Command rcbook is the companion tool of the rcbook library and book: the
// course's exercises, the interactive demo, and the checks that keep the
// book and the verification lab honest.
//
//	rcbook init [-replace DIR] [DIR]
//	rcbook exercises [list|next|hint|check|solution|reset|watch|verify] ...
//	rcbook play [-echo] [-step FILE]
//	rcbook serve [-addr 127.0.0.1:8080]
//	rcbook docs check [-update]
//	rcbook docs figures [-update] [-rounds N] [-count N] [-benchtime D]
//	rcbook lab mutants [-checks N] [-seed S] [-depth D] [-run TEXT] [-timeout D] [-update FILE | -check FILE]
//	rcbook lab explore [-depth D] [-update FILE | -check FILE]
//	rcbook lab rust [-depth D] [-random N] [-length L] [-seed S] [-family rc,pool,arc]
//	rcbook version
//	rcbook help [command]
//
// Run `rcbook help` for what each does. Install it with
// `go install github.com/rcbook/rcbook/cmd/rcbook@latest`, then `rcbook init`
// writes the course into a folder of your own; in a checkout, `go install
// ./cmd/rcbook` or `go run ./cmd/rcbook` work too. Usage errors exit with
// status 2, failures with 1.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/debug"
)

func main() {
	err := run(os.Args[1:], os.Stdout)
	if errors.Is(err, flag.ErrHelp) {
		return // the flag package has printed the usage: asking for help is no error
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "rcbook:", err)
	}
	os.Exit(exitCode(err))
}

// run runs the command line args, printing help and listings to out.
func run(args []string, out io.Writer) error {
	return dispatch("rcbook", commands(out), args, out)
}

// commands is the table of rcbook's commands, in the order help lists them.
func commands(out io.Writer) []*command {
	return []*command{
		{
			name: "init", args: "[-replace DIR] [DIR]",
			short: "write the course into a new folder, to learn anywhere",
			long:  initHelp,
			run:   func(args []string) error { return initCmd(args, out) },
		},
		{
			name: "exercises", args: "[command] [arguments]",
			short: "the course: what to do next, hints, check your solution, watch",
			long:  exercisesHelp(),
			run:   exercisesCmd,
		},
		{
			name: "play", args: "[-echo] [-step FILE]",
			short: "the interactive demo: type operations, see every allocation drawn",
			long: `Reads one command per line (new a 5, clone a b, set a.next b, drop a, ...)
and runs it on the real rc and cell packages, drawing every allocation with its
counts and links after each step; misuse is refused with the library's own error,
and quitting says what is still live, leaks named. Type help inside for the
commands; at a terminal the arrow keys edit the line and recall earlier ones.
It reads a script from standard input too:

	rcbook play < docs/play/07-cycle-leaks.txt

-echo prints each command read (and each # comment) before its result, so the
output of a script reads like a typed session. -step FILE is projector mode: it
shows each command of FILE with the comments before it, and runs it when Enter
is pressed (q stops).`,
			run: playCmd,
		},
		{
			name: "serve", args: "[-addr 127.0.0.1:8080]",
			short: "the book and the playground in your browser, offline",
			long:  serveHelp,
			run:   func(args []string) error { return serveCmd(args, out) },
		},
		{
			name: "docs", short: "the book's checks",
			sub: []*command{{
				name: "check", args: "[-update] [-dir DIR] [-pages DIR]",
				short: "every excerpt, printed output and figure in the book matches its source",
				long: `Verifies that every code excerpt in docs/chapters is a real declaration,
every printed output an Example's pinned output, and every number after a
<!-- figure: NAME --> marker the value in docs/figures.tsv, in the chapters and
in the pages of docs/ (benchmarks.md). It ends with
"docs: N snippets and F figures verified in M pages". -update rewrites drifted
blocks and figures from their sources.`,
				run: docsCheck,
			}, {
				name: "figures", args: "[-update] [-rounds N] [-count N] [-benchtime D]",
				short: "measure the book's benchmark figures again",
				long: `Runs the benchmarks that every figure in docs/figures.tsv comes from, -rounds
times in each build (checked and rcrelease alternating, -count samples each
time), computes each figure (a median, or the median of the ratios to a peer
measured in the same run) and prints it beside the file's value. -update
rewrites docs/figures.tsv; then "rcbook docs check -update" rewrites the
numbers after each <!-- figure: NAME --> marker in the prose. The default
8 rounds take about half an hour.`,
				run: docsFigures,
			}},
		},
		{
			name: "lab", short: "the verification lab: mutants, exhaustive exploration, comparison with Rust's std",
			sub: []*command{
				{
					name: "mutants", args: "[-checks N] [-seed S] [-depth D] [-run TEXT] [-timeout D] [-update FILE | -check FILE]",
					short: "build every deliberate bug and show that the tests catch it",
					long: `Builds every mutant of the lab (each an edit to one file, applied with go's
-overlay flag so the tree is never touched), runs the tests CI runs against it,
and reports it as killed or survived; ends with "mutants: killed K of N". A
package rc mutant is killed by the model-based tests alone: rapid's state machine
and the explorer, in the plain build or with -tags rcrelease; the unit tests of
rc, weak and pool are run apart, and each mutant's line says which of the three
killed it. It fails if a package rc mutant survives or a mutant cannot be built.
It needs the go command and a checkout.

-run TEXT tries only the mutants whose names contain TEXT; -checks, -seed and
-depth set how hard rapid and the explorer hunt rc's mutants (the seed is fixed
by default, so that the catalogue is the same on every run); -timeout bounds each
mutant's go test (a hang counts as caught). -update and -check rewrite or check
the mutants region of a chapter.`,
					run: labMutants,
				},
				{
					name: "explore", args: "[-depth D] [-update FILE | -check FILE]",
					short: "run every operation sequence up to a depth against the real rc",
					long: `Runs every sequence of operations up to -depth (default 6) over at most 3
allocations with 4 handles each against the real rc package, checking every step
against the reference model, and prints how many states and sequences it saw.`,
					run: labExplore,
				},
				{
					name: "rust", args: "[-depth D] [-random N] [-length L] [-seed S] [-family rc,pool,arc]",
					short: "replay the explorer's sequences and random ones on Rust's std and compare",
					long: `Builds rcdiff (lab/rust/rcdiff.rs, std only) with rustc -O into the user cache
directory, then replays on Rust's std::rc (rc, and rc with pooled headers) and
std::sync's Arc on one thread (arc) every sequence the explorer runs up to
-depth (default 6), then -random random
sequences of -length steps drawn from -seed (printed, so a run can be repeated).
After every step Rust's answer, counts, values, drop journal and live
allocations must equal what the model expects and what rcbook's rc (or arc)
shows. It stops at the first difference and prints it with the sequence; the
last line is "rust: N sequences, M steps agree with Rust std". It needs rustc.`,
					run: labRust,
				},
				{
					name: "interleave", args: "[-bound B] [-run TEXT] [-mutants [-update FILE | -check FILE]] [-replay PKG:SCENARIO:SCHEDULE [-mutant NAME]]",
					short: "explore the interleavings of the concurrent packages' real code",
					long: `Builds arc, refcount, rwlock and rcmap with every atomic operation, Lock,
Unlock, Gosched and channel receive rewritten to yield to the lab's scheduler
(go's -overlay flag; the tree and the normal build are untouched), and runs
each package's scenarios of two or three goroutines under every schedule
with at most -bound preemptions (default 2), depth first, skipping states
seen before. After every step it checks I1-I7 and the package's own
invariants; at the end, that no goroutine waits forever and the results are
linearizable. It prints the schedules and states explored per scenario and
any violation with the command that replays it; the last line is
"interleave: N scenarios, S schedules, T states, bound B, V violations".

-mutants hunts every concurrent mutant of the lab instead, at bound 0, 1, ...
up to -bound, and reports the smallest bound that kills each; it fails if one
survives. -update and -check rewrite or check the interleave region of a
chapter with that table. -replay runs one schedule (on -mutant, if given)
and prints every step.`,
					run: labInterleave,
				},
			},
		},
		{
			name: "version", short: "print rcbook's version",
			long: "Prints the version of the rcbook module this binary was built from, and Go's.",
			run:  func([]string) error { fmt.Fprintln(out, versionLine()); return nil },
		},
		{
			name: "help", args: "[command]", short: "help about a command",
			long: "Prints the list of commands, or the help of one.",
		},
	}
}

// versionLine is what `rcbook version` prints: the module's version, as
// `go install ...@version` recorded it, or (devel) with the revision for a
// binary built in a checkout, and the Go it was built with.
func versionLine() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "rcbook (unknown version)"
	}
	v := info.Main.Version
	if v == "" || v == "(devel)" {
		v = "(devel)"
		for _, s := range info.Settings {
			if s.Key == "vcs.revision" && len(s.Value) >= 12 {
				v += " " + s.Value[:12]
			}
		}
	}
	return fmt.Sprintf("rcbook %s (%s)", v, info.GoVersion)
}
