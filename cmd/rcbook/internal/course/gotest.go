package course

import (
	"bytes"
	"errors"
	"io"
	"os/exec"
	"strings"
	"sync"
)

// Runner runs `go test -json` with args in dir, copying everything it
// prints (stdout and stderr) to out as it comes. passed is go test's
// verdict; err is reserved for a go command that could not be run at all.
// A Runner may be called from several goroutines at once.
//
// The JSON events are what Check reads its report from. A line that is
// not an event is taken as plain text, as go test prints it without -json:
// the go command writes some of its errors that way, and a fake Runner in
// a test need not speak JSON at all.
type Runner func(dir string, args []string, out io.Writer) (passed bool, err error)

// GoTest is the Runner that runs the go command found on PATH.
func GoTest(dir string, args []string, out io.Writer) (bool, error) {
	cmd := exec.Command("go", append([]string{"test", "-json"}, args...)...)
	cmd.Dir = dir
	cmd.Stdout, cmd.Stderr = out, out
	err := cmd.Run()
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		return false, nil // go test ran and said no
	}
	return err == nil, err
}

// Outcome is what one go test run said about an exercise.
type Outcome int

// The outcomes. A stub must end Failed as shipped (a TODO panic inside a
// test is a failure), and a solution must end Passed.
const (
	Passed    Outcome = iota // every test ran and passed
	Failed                   // the tests ran and at least one failed
	NoBuild                  // the package or its tests did not compile, or go could not set up the run
	NoTests                  // go test passed, but there was no test to run
	RunFailed                // the go command could not be run at all
)

// String describes the outcome as the end of "the stub ...".
func (o Outcome) String() string {
	switch o {
	case Passed:
		return "passes"
	case Failed:
		return "fails"
	case NoBuild:
		return "does not compile"
	case NoTests:
		return "has no tests"
	default:
		return "could not be run"
	}
}

// classify reads go test's verdict and output. go test marks a package
// that did not compile "[build failed]" (vet's findings included) and one
// it could not even load "[setup failed]"; both fail like a failing test,
// so the output is the only way to tell them apart.
func classify(passed bool, output string) Outcome {
	switch {
	case passed && strings.Contains(output, "[no test files]"):
		return NoTests
	case passed:
		return Passed
	case strings.Contains(output, "[build failed]"), strings.Contains(output, "[setup failed]"):
		return NoBuild
	default:
		return Failed
	}
}

// Test runs go test on ex with the extra flags (such as "-tags",
// "solution"), streams the output to out as go test prints it without
// -json, and says how it went.
func (c *Course) Test(ex Exercise, out io.Writer, flags ...string) (Outcome, error) {
	var seen bytes.Buffer
	args := append(append([]string{}, flags...), ex.Package())
	text := &plainText{w: io.MultiWriter(out, &seen)}
	passed, err := c.Run(c.Dir, args, &lockedWriter{w: text})
	text.flush()
	if err != nil {
		return RunFailed, err
	}
	return classify(passed, seen.String()), nil
}

// plainText turns go test -json's events back into the text go test
// prints without -json, line by line as they come: the concatenation of
// the events' Output is that text. A line that is not an event passes
// through as it is.
type plainText struct {
	w    io.Writer
	part []byte // the start of a line whose end has not come yet
}

func (p *plainText) Write(b []byte) (int, error) {
	p.part = append(p.part, b...)
	for {
		i := bytes.IndexByte(p.part, '\n')
		if i < 0 {
			return len(b), nil
		}
		line := string(p.part[:i+1])
		p.part = p.part[i+1:]
		if err := p.line(line); err != nil {
			return len(b), err
		}
	}
}

// line writes one line: an event's output, or the line itself.
func (p *plainText) line(line string) error {
	if e, ok := decodeEvent(line); ok {
		line = e.Output
	}
	_, err := io.WriteString(p.w, line)
	return err
}

// flush writes a last line that did not end in a newline.
func (p *plainText) flush() {
	if len(p.part) > 0 {
		p.line(string(p.part))
		p.part = nil
	}
}

// lockedWriter serialises writes, so that a Runner may write stdout and
// stderr from two goroutines without interleaving inside one write.
type lockedWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func (l *lockedWriter) Write(b []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(b)
}
