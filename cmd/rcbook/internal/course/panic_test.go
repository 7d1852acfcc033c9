package course

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// trace is a panic's output as go test prints it, in the exercise
// /learner/rcbook/exercises/02-todo of package example.com/x/02-todo.
func trace(message, function, file string) []string {
	return strings.Split("panic: "+message+"\n"+
		"[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x4f1b2a]\n"+
		"\n"+
		"goroutine 7 [running]:\n"+
		"testing.tRunner.func1.2({0x574440, 0x595ac74e090})\n"+
		"\t/usr/local/go/src/testing/testing.go:1974 +0x232\n"+
		"panic({0x574440?, 0x595ac74e090?})\n"+
		"\t/usr/local/go/src/runtime/panic.go:860 +0x13a\n"+
		"github.com/rcbook/rcbook/rc.(*Rc[...]).Drop(...)\n"+
		"\t/learner/rcbook/rc/rc.go:100\n"+
		function+"\n"+
		"\t/learner/rcbook/exercises/02-todo/"+file+" +0x25\n"+
		"example.com/x/02-todo.TestOpen(0x8196a7a0488?)\n"+
		"\t/learner/rcbook/exercises/02-todo/todo_test.go:6 +0x25\n"+
		"created by testing.(*T).Run in goroutine 1\n"+
		"\t/usr/local/go/src/testing/testing.go:2101 +0x4c5", "\n")
}

func TestReadPanicFindsTheFirstFrameInTheExercise(t *testing.T) {
	paths := newShortener(Exercise{Slug: "02-todo", Dir: "/learner/rcbook/exercises/02-todo"})
	for _, c := range []struct {
		message, function, file string
		want                    string
	}{
		{"TODO: open the file [recovered, repanicked]", "example.com/x/02-todo.Open(...)", "exercise.go:5",
			"not written yet: Open (exercise.go:5)"},
		{"TODO: close [recovered]", "example.com/x/02-todo.(*File).Close(0xc000012345)", "exercise.go:10",
			"not written yet: (*File).Close (exercise.go:10)"},
		{"TODO", "example.com/x/02-todo.Share[...](0xc000012345)", "exercise.go:14",
			"not written yet: Share (exercise.go:14)"},
		{"runtime error: invalid memory address or nil pointer dereference [recovered]",
			"example.com/x/02-todo.Release(...)", "exercise.go:20",
			"panic: runtime error: invalid memory address or nil pointer dereference\n  in Release (exercise.go:20)"},
	} {
		p := readPanic(trace(c.message, c.function, c.file), "example.com/x/02-todo", paths)
		assert.Equal(t, c.want, p.String(),
			"the library's frame (rc.go) and the runtime's are passed over for the exercise's own: %s", c.function)
	}
}

func TestReadPanicWithoutAFrameInTheExercise(t *testing.T) {
	paths := newShortener(Exercise{Slug: "09-other", Dir: "/learner/rcbook/exercises/09-other"})
	p := readPanic(trace("TODO: open", "example.com/x/02-todo.Open(...)", "exercise.go:5"), "example.com/x/02-todo", paths)
	assert.Equal(t, "panic: TODO: open", p.String(), "with nowhere in the exercise to point at, the message is all there is")
	assert.Empty(t, p.File)
}

func TestFuncNameIsWhatTheLearnerWrote(t *testing.T) {
	assert.Equal(t, "Open", funcName("example.com/x/01-a.Open(...)", "example.com/x/01-a"))
	assert.Equal(t, "(*File).Close", funcName("example.com/x/01-a.(*File).Close(0xc000012345)", "example.com/x/01-a"))
	assert.Equal(t, "Open.func1", funcName("example.com/x/01-a.Open.func1()", "example.com/x/01-a"))
	assert.Equal(t, "other.Open", funcName("other.Open(...)", "example.com/x/01-a"), "another package keeps its name")
}

func TestShortenerCutsTheExercisesFolder(t *testing.T) {
	s := newShortener(Exercise{Slug: "01-a", Dir: "/learner/ex/01-a"})
	assert.Equal(t, "exercise.go:3:1: bad", s.line("01-a/exercise.go:3:1: bad"), "the compiler's path, relative to the module")
	assert.Equal(t, "made at exercise.go:7 (x)", s.line("made at /learner/ex/01-a/exercise.go:7 (x)"))
	assert.Equal(t, "made at /learner/ex/01-b/x.go:7", s.line("made at /learner/ex/01-b/x.go:7"), "another folder keeps its path")
	rel, inside := s.file("/learner/ex/01-a/exercise.go")
	assert.True(t, inside)
	assert.Equal(t, "exercise.go", rel)
	_, inside = s.file("/learner/ex/01-a/sub/exercise.go")
	assert.False(t, inside, "a folder below the exercise is not the exercise's")
}
