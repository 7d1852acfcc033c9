package lab

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

// rcdiffSources are the Rust program that replays sequences on Rust's std,
// lab/rust/rcdiff.rs and the module it includes, replay.rs. They are
// embedded, so that an installed rcbook can build rcdiff anywhere rustc is.
//
//go:embed rust/rcdiff.rs rust/replay.rs
var rcdiffFiles embed.FS

// rcdiffSources reads the embedded sources, by file name.
func rcdiffSources() map[string][]byte {
	sources := map[string][]byte{}
	for _, name := range []string{"rcdiff.rs", "replay.rs"} {
		src, err := rcdiffFiles.ReadFile("rust/" + name)
		if err != nil {
			panic(err) // embedded above: cannot be missing
		}
		sources[name] = src
	}
	return sources
}

// BuildRust compiles rcdiff with rustc -O into rcbook's cache directory,
// unless a binary built from the same sources by the same rustc is there
// already, and returns the binary's path and rustc's version line.
func BuildRust() (bin, version string, err error) { return buildRcdiff(rcdiffSources()) }

// buildRcdiff is BuildRust for any version of rcdiff's sources (file name
// to content, rcdiff.rs the crate's root): the lab's tests build wrong ones
// on purpose.
func buildRcdiff(sources map[string][]byte) (bin, version string, err error) {
	rustc, err := exec.LookPath("rustc")
	if err != nil {
		return "", "", errors.New("lab: rustc is not on PATH; install Rust (or Debian's rustc package) to compare with Rust's std")
	}
	out, err := exec.Command(rustc, "--version").Output()
	if err != nil {
		return "", "", fmt.Errorf("lab: rustc --version: %w", err)
	}
	version = strings.TrimSpace(string(out))
	if !rustcAtLeast(version, 1, 84) {
		return "", "", fmt.Errorf("lab: %s is too old: rcdiff needs rustc 1.84 or newer, the first whose Rc and Arc free "+
			"the allocation when the value's destructor panics, as rcbook does (rust-lang/rust#132231); install one with rustup", version)
	}
	h := sha256.New()
	h.Write([]byte(version))
	names := slices.Sorted(maps.Keys(sources))
	for _, name := range names {
		fmt.Fprintf(h, "\x00%s\x00%d\x00", name, len(sources[name]))
		h.Write(sources[name])
	}
	sum := h.Sum(nil)
	dir, err := os.UserCacheDir()
	if err != nil {
		dir = os.TempDir()
	}
	dir = filepath.Join(dir, "rcbook", "rcdiff")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", "", err
	}
	bin = filepath.Join(dir, "rcdiff-"+hex.EncodeToString(sum[:12]))
	if _, err := os.Stat(bin); err == nil {
		return bin, version, nil
	}
	tmp, err := os.MkdirTemp(dir, "build-")
	if err != nil {
		return "", "", err
	}
	defer os.RemoveAll(tmp)
	for _, name := range names {
		if err := os.WriteFile(filepath.Join(tmp, name), sources[name], 0o644); err != nil {
			return "", "", err
		}
	}
	cmd := exec.Command(rustc, "--edition", "2021", "-O", "-o", filepath.Join(tmp, "rcdiff"), filepath.Join(tmp, "rcdiff.rs"))
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		return "", "", fmt.Errorf("lab: rustc rcdiff.rs: %v\n%s", err, stderr.String())
	}
	// Renamed into place only once built, so that a build cut short never
	// leaves a binary behind.
	if err := os.Rename(filepath.Join(tmp, "rcdiff"), bin); err != nil {
		return "", "", err
	}
	return bin, version, nil
}

// rustcAtLeast reports whether version, rustc --version's line ("rustc
// 1.95.0 (59807616e 2026-04-14)"), is major.minor or newer.
func rustcAtLeast(version string, major, minor int) bool {
	var got [2]int
	fields := strings.Fields(version)
	if len(fields) < 2 {
		return false
	}
	parts := strings.SplitN(fields[1], ".", 3)
	if len(parts) < 2 {
		return false
	}
	for i := range got {
		n, err := strconv.Atoi(parts[i])
		if err != nil {
			return false
		}
		got[i] = n
	}
	return got[0] > major || (got[0] == major && got[1] >= minor)
}

// rustProc is one running rcdiff, replaying one family (rc or arc). It is
// written to and read from at the same time, by two goroutines: send and
// flush on one, receive on the other.
type rustProc struct {
	cmd    *exec.Cmd
	stdin  io.WriteCloser
	in     *bufio.Writer
	out    *bufio.Reader
	stderr bytes.Buffer
}

// startRust starts rcdiff for family ("rc" or "arc").
func startRust(bin, family string) (*rustProc, error) {
	p := &rustProc{cmd: exec.Command(bin, family)}
	p.cmd.Stderr = &p.stderr
	stdin, err := p.cmd.StdinPipe()
	if err != nil {
		return nil, err
	}
	stdout, err := p.cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := p.cmd.Start(); err != nil {
		return nil, fmt.Errorf("lab: starting %s: %w", bin, err)
	}
	p.stdin, p.in, p.out = stdin, bufio.NewWriterSize(stdin, 1<<16), bufio.NewReaderSize(stdout, 1<<16)
	return p, nil
}

// send writes one sequence, in rcdiff's input language.
func (p *rustProc) send(input string) error {
	_, err := p.in.WriteString(input)
	return err
}

// flush asks rcdiff to print what it has and sends what is buffered here.
// Both sides buffer; the lines of a sequence are read only after a flush
// that follows it.
func (p *rustProc) flush() error {
	if _, err := p.in.WriteString("flush\n"); err != nil {
		return err
	}
	return p.in.Flush()
}

// receive reads the lines rcdiff printed for one sequence of n steps: one
// a step, then the end line.
func (p *rustProc) receive(n int) ([]string, error) {
	lines := make([]string, 0, n)
	for {
		line, err := p.out.ReadString('\n')
		if err != nil {
			return nil, p.died(err)
		}
		line = strings.TrimSuffix(line, "\n")
		lines = append(lines, line)
		if strings.HasPrefix(line, "end") {
			if len(lines) != n+1 {
				return nil, fmt.Errorf("lab: rcdiff printed %d lines for a sequence of %d steps", len(lines)-1, n)
			}
			return lines, nil
		}
	}
}

// died explains why rcdiff's output ended early.
func (p *rustProc) died(err error) error {
	_ = p.stdin.Close()
	werr := p.cmd.Wait()
	return fmt.Errorf("lab: rcdiff stopped (%v, %v): %s", err, werr, strings.TrimSpace(p.stderr.String()))
}

// close ends rcdiff's input and waits for it to exit.
func (p *rustProc) close() error {
	ferr := p.in.Flush()
	_ = p.stdin.Close()
	if err := p.cmd.Wait(); err != nil {
		return fmt.Errorf("lab: rcdiff: %v: %s", err, strings.TrimSpace(p.stderr.String()))
	}
	return ferr
}

// kill stops rcdiff at once, for a run cut short.
func (p *rustProc) kill() {
	_ = p.cmd.Process.Kill()
	_ = p.stdin.Close()
	_ = p.cmd.Wait()
}
