package benchmarks

import (
	"testing"
	stdweak "weak"

	"github.com/rcbook/rcbook/rc"
	"github.com/rcbook/rcbook/weak"
)

// Clone+Drop of a non-last handle: the hot path of every Rc.

func BenchmarkCloneDrop(b *testing.B) {
	r := rc.New(42)
	defer r.Drop()
	for b.Loop() {
		c := r.Clone()
		c.Drop()
	}
}

func BenchmarkPlainCloneDrop(b *testing.B) {
	h := newPlain(42)
	defer h.drop()
	for b.Loop() {
		c := h.clone()
		c.drop()
	}
}

func BenchmarkAtomicCloneDrop(b *testing.B) {
	h := newAtomic(42)
	defer h.drop()
	for b.Loop() {
		c := h.clone()
		c.drop()
	}
}

func BenchmarkMutexCloneDrop(b *testing.B) {
	h := newMutex(42)
	defer h.drop()
	for b.Loop() {
		c := h.clone()
		c.drop()
	}
}

// New+Drop: one allocation, the destructor path, the free.

func BenchmarkNewDrop(b *testing.B) {
	for b.Loop() {
		r := rc.New(42)
		r.Drop()
	}
}

// escaped keeps the plain peer's box on the heap, as an Rc's header is:
// without it the compiler would put the box on the stack and the peer would
// skip the allocation it is meant to stand beside.
var escaped *plainBox

func BenchmarkPlainNewDrop(b *testing.B) {
	for b.Loop() {
		h := newPlain(42)
		escaped = h.box
		h.drop()
	}
}

// Weak handles.

func BenchmarkDowngradeDrop(b *testing.B) {
	r := rc.New(42)
	defer r.Drop()
	for b.Loop() {
		w := weak.Downgrade(&r)
		w.Drop()
	}
}

func BenchmarkUpgradeDrop(b *testing.B) {
	r := rc.New(42)
	defer r.Drop()
	w := weak.Downgrade(&r)
	defer w.Drop()
	for b.Loop() {
		u, _ := w.Upgrade()
		u.Drop()
	}
}

func BenchmarkWeakCloneDrop(b *testing.B) {
	r := rc.New(42)
	defer r.Drop()
	w := weak.Downgrade(&r)
	defer w.Drop()
	for b.Loop() {
		c := w.Clone()
		c.Drop()
	}
}

// The standard library's weak pointer: Make is Downgrade's peer, Value is
// Upgrade's.

func BenchmarkStdWeakMake(b *testing.B) {
	p := new(int)
	for b.Loop() {
		_ = stdweak.Make(p)
	}
}

func BenchmarkStdWeakValue(b *testing.B) {
	p := new(int)
	w := stdweak.Make(p)
	for b.Loop() {
		if w.Value() != p {
			b.Fatal("weak pointer lost its value while the pointer is live")
		}
	}
}
