package benchmarks

import (
	"context"
	"runtime"
	"runtime/cgo"
	"testing"
	"unique"

	"golang.org/x/sync/semaphore"

	"github.com/rcbook/rcbook/rc"
)

// rcbook's handles beside the standard library's lifetime tools, for
// chapter 16's choice of tool: each pair does the same job, in one run.
//
//   - a resource closed when its owner is done: rc.NewCloser and Close,
//     beside runtime.AddCleanup, which arranges a cleanup for after some
//     collection (only the arranging is measured: the cleanup itself runs
//     later on the runtime's goroutine, and a collection must find the
//     object first);
//   - Close beside Drop on a handle that is not the last: what returning
//     the cleanup's error costs when there is none;
//   - a count carried through C: rc's raw token (IntoRaw, FromRaw) beside
//     runtime/cgo.Handle (NewHandle, Value, Delete);
//   - a canonical entry per key: unique.Make of a value already interned,
//     to stand beside rcmap's Acquire+Release of an existing key;
//   - limiting holders: x/sync/semaphore's Acquire+Release, uncontended, to
//     stand beside refcount's shared Acquire+Release.

// file stands for an *os.File: a resource whose Close may fail.
type file struct{ fd int }

func (f *file) Close() error { return nil }

// fileSink keeps a benchmark's pointer results alive, so the compiler cannot
// drop the allocation the peer is meant to pay for.
var fileSink *file

func BenchmarkToolsCloserNewClose(b *testing.B) {
	for b.Loop() {
		r := rc.NewCloser(&file{fd: 3})
		if err := r.Close(); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkToolsAddCleanup(b *testing.B) {
	for b.Loop() {
		f := &file{fd: 3}
		runtime.AddCleanup(f, func(fd int) {}, f.fd)
		fileSink = f
	}
	fileSink = nil
}

func BenchmarkToolsCloneClose(b *testing.B) {
	r := rc.NewCloser(&file{fd: 3})
	defer r.Drop()
	for b.Loop() {
		c := r.Clone()
		if err := c.Close(); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkToolsRawRoundTrip(b *testing.B) {
	r := rc.New(&file{fd: 3})
	defer r.Drop()
	for b.Loop() {
		c := r.Clone()
		tok := c.IntoRaw() // C would keep tok here
		back := rc.FromRaw[*file](tok)
		back.Drop()
	}
}

func BenchmarkToolsCgoHandle(b *testing.B) {
	f := &file{fd: 3}
	for b.Loop() {
		h := cgo.NewHandle(f) // C would keep h here
		if h.Value().(*file) != f {
			b.Fatal("the handle lost its value")
		}
		h.Delete()
	}
}

func BenchmarkToolsUniqueMakeExisting(b *testing.B) {
	keep := unique.Make("news") // interned, and kept so: the existing-key case
	for b.Loop() {
		if unique.Make("news") != keep {
			b.Fatal("unique.Make found another handle for an equal value")
		}
	}
	runtime.KeepAlive(keep)
}

func BenchmarkToolsSemaphoreAcquireRelease(b *testing.B) {
	sem := semaphore.NewWeighted(1 << 20)
	ctx := context.Background()
	for b.Loop() {
		if err := sem.Acquire(ctx, 1); err != nil {
			b.Fatal(err)
		}
		sem.Release(1)
	}
}
