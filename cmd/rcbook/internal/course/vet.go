package course

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"sort"
	"strconv"
	"strings"
	"unicode"
)

// vetRunner runs `go vet -json` on pkg in dir. findings is what vet wrote
// on standard output, its JSON; trouble is what it wrote on standard error
// when it could not check the package (a compile error, say). err is for a
// go command that could not be run at all.
type vetRunner func(dir, pkg string) (findings []byte, trouble string, err error)

// goVet is the vetRunner that runs the go command found on PATH. go vet
// -json exits 0 whatever it finds; it fails only when it cannot check.
func goVet(dir, pkg string) ([]byte, string, error) {
	cmd := exec.Command("go", "vet", "-json", pkg)
	cmd.Dir = dir
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		return stdout.Bytes(), strings.TrimSpace(stderr.String()), nil
	}
	return stdout.Bytes(), "", err
}

// HandleCopy says how a go vet finding copies an rcbook handle, if it does.
// Every handle's first field is a nocopy.NoCopy, whose pointer has Lock and
// Unlock methods; that makes vet's copylocks check report each copy.
type HandleCopy int

// The ways to copy a handle, as copylocks reports them.
const (
	NotAHandle      HandleCopy = iota // any other finding, shown as vet gives it
	CopiedHandle                      // an assignment, return, literal or call argument copies a handle
	HandleParameter                   // a function takes a handle by value, so every call copies one
	RangedHandle                      // a range loop copies each handle into its variable
)

// Finding is one thing go vet reported about an exercise.
type Finding struct {
	File     string     // relative to the exercise's folder when it is in it: exercise.go
	Line     int        // from 1
	Column   int        // from 1, in bytes
	Analyzer string     // the vet check that reported it: copylocks, printf, ...
	Message  string     // vet's own words
	Source   string     // the reported line of the file, trimmed; "" if it could not be read
	Span     string     // the reported expression, when vet gives its end: *r in return *r
	Copy     HandleCopy // whether and how it copies a handle
}

// String is the finding in plain words, one or a few lines. A copied
// handle is explained, quoting the line:
//
//	exercise.go:12: h := *r copies a handle without Clone:
//	    the copy is counted nowhere, so dropping both gives up one share twice.
//	    Use r.Clone() to share, r.Move() to transfer.
//
// Any other finding reads as go vet writes it: file:line:column: message.
func (f Finding) String() string {
	code := strings.TrimSpace(strings.TrimSuffix(strings.TrimSuffix(f.Source, "{}"), "{"))
	if code == "" {
		code = "this line"
	}
	at := fmt.Sprintf("%s:%d: %s", f.File, f.Line, code)
	switch f.Copy {
	case CopiedHandle:
		use := "Use Clone() to share, Move() to transfer."
		if x := strings.TrimPrefix(f.Span, "*"); isOperand(x) {
			use = fmt.Sprintf("Use %s.Clone() to share, %s.Move() to transfer.", x, x)
		}
		return at + " copies a handle without Clone:\n" +
			"    the copy is counted nowhere, so dropping both gives up one share twice.\n    " + use
	case HandleParameter:
		pointer := "a pointer to the handle"
		if name, typ, ok := strings.Cut(f.Span, " "); ok {
			pointer = name + " *" + strings.TrimSpace(typ)
		}
		return at + " takes a handle by value:\n" +
			"    every call copies it without Clone, and the copy is counted nowhere.\n" +
			"    Take a pointer instead, as Clone and Drop do: " + pointer + "."
	case RangedHandle:
		return at + " copies each handle without Clone:\n" +
			"    the copies are counted nowhere.\n" +
			"    Range over the indexes instead, and use a pointer to each element: &s[i]."
	}
	return fmt.Sprintf("%s:%d:%d: %s", f.File, f.Line, f.Column, f.Message)
}

// isOperand reports whether x can take a method call as it is: a name, or
// names joined by dots.
func isOperand(x string) bool {
	if x == "" {
		return false
	}
	for _, r := range x {
		if r != '_' && r != '.' && !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

// noCopyType is how copylocks names the marker in every handle.
const noCopyType = "github.com/rcbook/rcbook/internal/nocopy.NoCopy"

// handleCopy classifies a copylocks message about the no-copy marker.
func handleCopy(analyzer, message string) HandleCopy {
	switch {
	case analyzer != "copylocks" || !strings.Contains(message, noCopyType):
		return NotAHandle
	case strings.Contains(message, " passes lock by value"):
		return HandleParameter
	case strings.HasPrefix(message, "range var "):
		return RangedHandle
	default: // assignment, declaration, literal, return, call, loop iteration; "returns lock by value"
		return CopiedHandle
	}
}

// vetDiagnostic is one finding in go vet -json's output.
type vetDiagnostic struct {
	Posn    string `json:"posn"` // /path/file.go:12:3
	End     string `json:"end"`  // where the reported expression ends, if vet says
	Message string `json:"message"`
}

// readVet reads go vet -json's output: one JSON object per package vetted
// (the package, then its test variants), mapping the package's path to
// each check's findings, or to {"error": "..."} when a check failed. It
// returns the findings, once each, in file and line order, and the errors.
func readVet(stdout []byte, paths shortener) ([]Finding, []string) {
	var findings []Finding
	var problems []string
	seen := map[string]bool{}
	dec := json.NewDecoder(bytes.NewReader(stdout))
	for {
		var tree map[string]map[string]json.RawMessage
		if err := dec.Decode(&tree); err != nil {
			if !errors.Is(err, io.EOF) {
				problems = append(problems, "cannot read go vet's findings: "+err.Error())
			}
			break
		}
		for _, checks := range tree {
			for analyzer, raw := range checks {
				var diagnostics []vetDiagnostic
				if err := json.Unmarshal(raw, &diagnostics); err != nil {
					var failed struct{ Error string }
					json.Unmarshal(raw, &failed)
					problems = append(problems, analyzer+": "+paths.line(failed.Error))
					continue
				}
				for _, d := range diagnostics {
					if key := d.Posn + "\x00" + d.Message; !seen[key] {
						seen[key] = true
						findings = append(findings, newFinding(analyzer, d, paths))
					}
				}
			}
		}
	}
	sort.SliceStable(findings, func(i, j int) bool {
		a, b := findings[i], findings[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Column < b.Column
	})
	sort.Strings(problems)
	return findings, problems
}

// newFinding reads one diagnostic, and the line of source it points at.
func newFinding(analyzer string, d vetDiagnostic, paths shortener) Finding {
	file, line, col := position(d.Posn)
	f := Finding{Analyzer: analyzer, Message: d.Message, Line: line, Column: col, Copy: handleCopy(analyzer, d.Message)}
	f.File, _ = paths.file(file)
	src, err := os.ReadFile(file)
	if err != nil || line < 1 {
		return f
	}
	lines := strings.Split(string(src), "\n")
	if line > len(lines) {
		return f
	}
	text := lines[line-1]
	f.Source = strings.TrimSpace(text)
	if endFile, endLine, endCol := position(d.End); endFile == file && endLine == line && col >= 1 && col <= endCol && endCol-1 <= len(text) {
		f.Span = text[col-1 : endCol-1]
	}
	return f
}

// position splits "file:line:column"; the file may hold colons itself.
func position(posn string) (file string, line, col int) {
	parts := strings.Split(posn, ":")
	if len(parts) < 3 {
		return posn, 0, 0
	}
	line, _ = strconv.Atoi(parts[len(parts)-2])
	col, _ = strconv.Atoi(parts[len(parts)-1])
	return strings.Join(parts[:len(parts)-2], ":"), line, col
}
