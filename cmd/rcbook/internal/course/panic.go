package course

import (
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
)

// Panic is why a test panicked, read from the trace go test printed: the
// value and the place in the exercise's own files, not the whole dump.
type Panic struct {
	Message string // what was panicked with: "TODO: open the file"
	Func    string // the innermost function in the exercise's files: Open, (*File).Close; "" if none
	File    string // its file, relative to the exercise's folder: exercise.go
	Line    int
}

// TODO reports whether the panic is a stub's: the exercises' stubs panic
// with "TODO: what to do".
func (p *Panic) TODO() bool { return strings.HasPrefix(p.Message, "TODO") }

// String says where the learner should look, in a line or two:
//
//	not written yet: Open (exercise.go:10)
//	panic: runtime error: index out of range [3] with length 1
//	  in Pick (exercise.go:5)
func (p *Panic) String() string {
	where := ""
	if p.File != "" {
		where = fmt.Sprintf("%s (%s:%d)", p.Func, p.File, p.Line)
	}
	switch {
	case p.TODO() && where != "":
		return "not written yet: " + where
	case where != "":
		return "panic: " + p.Message + "\n  in " + where
	default:
		return "panic: " + p.Message
	}
}

// readPanic reads a panic from the lines a test printed from "panic: " on:
//
//	panic: TODO: open the file [recovered, repanicked]
//
//	goroutine 7 [running]:
//	testing.tRunner.func1.2({0x574440, 0x595ac74e090})
//		/usr/local/go/src/testing/testing.go:1974 +0x232
//	...
//	example.com/checks/02-todo.Open(...)
//		/home/learner/rcbook/exercises/02-todo/exercise.go:5
//	example.com/checks/02-todo.TestOpen(0x8196a7a0488?)
//		/home/learner/rcbook/exercises/02-todo/todo_test.go:6 +0x25
//	...
//	created by testing.(*T).Run in goroutine 1
//
// A stack is listed innermost call first, each call a line naming the
// function and a tab-indented line with its file and line. The first call
// in a file of the exercise's folder is where the learner should look;
// pkg, the exercise's import path, is cut from its function's name.
func readPanic(trace []string, pkg string, paths shortener) *Panic {
	p := &Panic{Message: strings.TrimPrefix(trace[0], "panic: ")}
	for _, suffix := range []string{" [recovered, repanicked]", " [recovered]"} {
		p.Message = strings.TrimSuffix(p.Message, suffix)
	}
	function := ""
	inStack := false
	for _, line := range trace[1:] {
		switch {
		case strings.HasPrefix(line, "goroutine ") && !inStack:
			inStack = true
		case !inStack:
		case line == "" || strings.HasPrefix(line, "created by "):
			return p // the end of the panicking goroutine's stack
		case strings.HasPrefix(line, "\t"):
			file, n, ok := fileLine(line)
			if rel, inside := paths.file(file); ok && inside && function != "" {
				p.Func, p.File, p.Line = funcName(function, pkg), rel, n
				return p
			}
		default:
			function = line
		}
	}
	return p
}

// fileLine reads a trace's location line, "\t/path/file.go:12 +0x25".
func fileLine(line string) (file string, n int, ok bool) {
	line = strings.TrimPrefix(line, "\t")
	if i := strings.LastIndex(line, " +0x"); i >= 0 {
		line = line[:i]
	}
	i := strings.LastIndex(line, ":")
	if i < 0 {
		return "", 0, false
	}
	n, err := strconv.Atoi(line[i+1:])
	return line[:i], n, err == nil
}

// funcName shortens a trace's function line to what the learner wrote:
// "example.com/x/02-todo.(*File).Close(0xc000012345)" in package
// example.com/x/02-todo is "(*File).Close".
func funcName(line, pkg string) string {
	if i := strings.LastIndex(line, "("); i > 0 { // the arguments; a receiver's ( comes earlier
		line = line[:i]
	}
	if i := strings.Index(line, "[...]"); i > 0 { // a generic function's type arguments
		line = line[:i]
	}
	if rest, ok := strings.CutPrefix(line, pkg+"."); ok && pkg != "" {
		return rest
	}
	return line
}

// shortener writes the exercise's paths as the learner reads them:
// relative to its folder.
type shortener struct {
	dirs []string // the folder's absolute path, and its real path if a link leads to it
	slug string   // the folder's name: the compiler writes 01-cleanup/exercise.go
}

// newShortener shortens paths in the folder of ex.
func newShortener(ex Exercise) shortener {
	s := shortener{slug: ex.Slug}
	if abs, err := filepath.Abs(ex.Dir); err == nil {
		s.dirs = append(s.dirs, abs)
		if real, err := filepath.EvalSymlinks(abs); err == nil && real != abs {
			s.dirs = append(s.dirs, real)
		}
	}
	return s
}

// file returns path relative to the exercise's folder, and whether path is
// a file in that folder (not in one below it).
func (s shortener) file(path string) (string, bool) {
	for _, dir := range s.dirs {
		if filepath.Dir(path) == dir {
			return filepath.Base(path), true
		}
	}
	return path, false
}

// line rewrites the paths in a line of output: the folder's absolute path
// anywhere, and its name at the start, where the compiler puts it.
func (s shortener) line(line string) string {
	for _, dir := range s.dirs {
		line = strings.ReplaceAll(line, dir+string(filepath.Separator), "")
	}
	if s.slug != "" {
		line = strings.TrimPrefix(line, s.slug+"/")
	}
	return line
}
