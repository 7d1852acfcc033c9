package benchmarks

import (
	"context"
	"runtime"
	"runtime/cgo"
	"testing"
	"unique"
	stdweak "weak"

	"golang.org/x/sync/semaphore"

	"github.com/rcbook/rcbook/rc"
	"github.com/rcbook/rcbook/refcount"
)

// rcbook's handles beside the lifetime tools of Go's standard library and
// x/sync, for chapter 16's choice of tool. Each job has two
// sub-benchmarks, impl=go (the standard library's or x/sync's tool) and
// impl=rcbook, run one after the other in the same go test run, so that
//
//	go test -run '^$' -bench '^BenchmarkTools$' -benchmem -count 10 ./benchmarks > tools.txt
//	benchstat -col /impl tools.txt
//
// prints rcbook's time beside the peer's with their ratio. The jobs:
//
//   - cleanup: a resource closed when its owner is done. rc.NewCloser and
//     Close, beside runtime.AddCleanup, which only arranges a cleanup for
//     after some collection: the arranging is measured, while the cleanup
//     itself runs later, on the runtime's goroutine, once a collection has
//     found the object unreachable.
//   - c-handle: a Go value handed to C and found again. rc's token (a
//     clone into IntoRaw, then FromRaw and Drop) beside runtime/cgo.Handle
//     (NewHandle, Value, Delete).
//   - intern: one shared entry per value, already present: unique.Make,
//     beside the rcbook tool that does more (rcmap's Acquire+Release of a
//     held key, BenchmarkRcMapAcquireReleaseExisting, in the same run when
//     both are selected).
//   - hold: taking and giving back a shared hold, uncontended:
//     x/sync/semaphore's Acquire+Release, beside refcount's.
//   - observe: reaching a value through a weak reference while it lives:
//     weak.Pointer.Value, beside rc.Weak's Upgrade+Drop.

// file stands for an *os.File: a resource whose Close may fail.
type file struct{ fd int }

func (f *file) Close() error { return nil }

// fileSink keeps a benchmark's pointer results alive, so the compiler
// cannot drop the allocation the peer is meant to pay for.
var fileSink *file

func BenchmarkTools(b *testing.B) {
	b.Run("job=cleanup/impl=go", func(b *testing.B) {
		for b.Loop() {
			f := &file{fd: 3}
			runtime.AddCleanup(f, func(fd int) {}, f.fd)
			fileSink = f
		}
		fileSink = nil
	})
	b.Run("job=cleanup/impl=rcbook", func(b *testing.B) {
		for b.Loop() {
			r := rc.NewCloser(&file{fd: 3})
			if err := r.Close(); err != nil {
				b.Fatal(err)
			}
		}
	})

	b.Run("job=c-handle/impl=go", func(b *testing.B) {
		f := &file{fd: 3}
		for b.Loop() {
			h := cgo.NewHandle(f) // C would keep h here
			if h.Value().(*file) != f {
				b.Fatal("the handle lost its value")
			}
			h.Delete()
		}
	})
	b.Run("job=c-handle/impl=rcbook", func(b *testing.B) {
		r := rc.New(&file{fd: 3})
		defer r.Drop()
		for b.Loop() {
			c := r.Clone()
			tok := c.IntoRaw() // C would keep tok here
			back := rc.FromRaw[*file](tok)
			back.Drop()
		}
	})

	b.Run("job=intern/impl=go", func(b *testing.B) {
		keep := unique.Make("news") // interned, and kept so: the existing-value case
		for b.Loop() {
			if unique.Make("news") != keep {
				b.Fatal("unique.Make found another handle for an equal value")
			}
		}
		runtime.KeepAlive(keep)
	})

	b.Run("job=hold/impl=go", func(b *testing.B) {
		sem := semaphore.NewWeighted(1 << 20)
		ctx := context.Background()
		for b.Loop() {
			if err := sem.Acquire(ctx, 1); err != nil {
				b.Fatal(err)
			}
			sem.Release(1)
		}
	})
	b.Run("job=hold/impl=rcbook", func(b *testing.B) {
		var refs refcount.RefCount
		ctx := context.Background()
		for b.Loop() {
			r, err := refs.Acquire(ctx)
			if err != nil {
				b.Fatal(err)
			}
			r.Release()
		}
	})

	b.Run("job=observe/impl=go", func(b *testing.B) {
		v := new(int)
		w := stdweak.Make(v)
		for b.Loop() {
			if w.Value() != v {
				b.Fatal("the weak pointer lost a value still in use")
			}
		}
		runtime.KeepAlive(v)
	})
	b.Run("job=observe/impl=rcbook", func(b *testing.B) {
		r := rc.New(0)
		defer r.Drop()
		w := rc.Downgrade(&r)
		defer w.Drop()
		for b.Loop() {
			u, ok := w.Upgrade()
			if !ok {
				b.Fatal("the Weak lost a value still in use")
			}
			u.Drop()
		}
	})
}

// BenchmarkToolsCloneClose is Clone+Close of a handle that is not the
// last: beside BenchmarkCloneDrop, what returning the cleanup's error
// costs when there is none to return.
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
