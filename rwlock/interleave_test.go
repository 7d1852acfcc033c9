//go:build rcinterleave

package rwlock

import (
	"context"
	"fmt"
	"testing"

	"github.com/rcbook/rcbook/lab/sched"
	"github.com/rcbook/rcbook/lab/sched/schedtest"
)

// The interleaving scenarios: readers and writers on one RwLock, explored
// step by step by `rcbook lab interleave`, which builds this package and
// refcount with every atomic operation, Lock, Unlock and channel receive
// yielding to the lab's scheduler (package lab/sched). A writer writes the
// two halves of the value with a step in between. After every step at most
// one writer and no reader beside it may be inside; a reader's guard must
// show the value as it is when the guard is granted, never half written;
// no thread may wait forever or busy-wait; at the end the lock is free.

func TestInterleave(t *testing.T) {
	schedtest.Run(t, "rwlock", rwlockScenarios)
}

type pair struct{ a, b int }

type rwWorld struct {
	l                *RwLock[pair]
	reads            [3]*ReadGuard[pair]
	readers, writers int // inside, with a guard
	threads          [][]sched.Op
}

func (w *rwWorld) Threads() [][]sched.Op { return w.threads }

func (w *rwWorld) read(i int) sched.Op {
	return sched.Op{Name: fmt.Sprintf("g%d = Read", i), Run: func() string {
		g, err := w.l.Read(context.Background())
		if err != nil {
			return "err"
		}
		w.take(i, g)
		return "ok"
	}}
}

func (w *rwWorld) tryRead(i int) sched.Op {
	return sched.Op{Name: fmt.Sprintf("g%d = TryRead", i), Run: func() string {
		g, ok := w.l.TryRead()
		if ok {
			w.take(i, g)
		}
		return fmt.Sprint(ok)
	}}
}

// take checks what reader i's new guard shows: the value as the lock holds
// it now, both halves written by the same writer.
func (w *rwWorld) take(i int, g *ReadGuard[pair]) {
	if v := *g.Value(); v != w.l.value || v.a != v.b {
		panic(&sched.Violation{Rule: "read", Message: fmt.Sprintf("reader %d's guard shows %+v while the lock holds %+v", i, v, w.l.value)})
	}
	w.reads[i] = g
	w.readers++
}

func (w *rwWorld) releaseRead(i int) sched.Op {
	return sched.Op{Name: fmt.Sprintf("g%d.Release", i), Run: func() string {
		if w.reads[i] == nil {
			return "not held"
		}
		w.readers--
		w.reads[i].Release()
		w.reads[i] = nil
		return "ok"
	}}
}

// write writes both halves, a step apart, and releases.
func (w *rwWorld) write(try bool) sched.Op {
	name := "Write, a++, b++, Release"
	if try {
		name = "TryWrite, a++, b++, Release"
	}
	return sched.Op{Name: name, Run: func() string {
		var g *WriteGuard[pair]
		if try {
			var ok bool
			if g, ok = w.l.TryWrite(); !ok {
				return "false"
			}
		} else {
			var err error
			if g, err = w.l.Write(context.Background()); err != nil {
				return "err"
			}
		}
		w.writers++
		g.Value().a++
		sched.Point("write b")
		g.Value().b++
		w.writers--
		g.Release()
		return "ok"
	}}
}

func (w *rwWorld) Check() error {
	if w.writers > 1 || (w.writers == 1 && w.readers > 0) {
		return fmt.Errorf("%d writers and %d readers hold the lock at once", w.writers, w.readers)
	}
	return nil
}

// Final releases what is left and checks that the lock is free.
func (w *rwWorld) Final() error {
	for i, g := range w.reads {
		if g != nil {
			g.Release()
			w.reads[i] = nil
		}
	}
	g, ok := w.l.TryWrite()
	if !ok {
		return fmt.Errorf("with every guard released, TryWrite fails: the lock is held by nobody")
	}
	g.Release()
	return nil
}

func (w *rwWorld) Snapshot() string {
	return fmt.Sprintf("%+v|%d|%d|%v|%d", w.l.value, w.readers, w.writers, w.reads[0] != nil, w.l.refs.Count())
}

func rwScenario(name string, held bool, threads func(w *rwWorld) [][]sched.Op) sched.Scenario {
	return sched.Scenario{Name: name, New: func() sched.World {
		w := &rwWorld{l: New(pair{})}
		if held {
			g, _ := w.l.TryRead()
			w.take(0, g)
		}
		w.threads = threads(w)
		return w
	}}
}

var rwlockScenarios = []sched.Scenario{
	rwScenario("writer/reader", false, func(w *rwWorld) [][]sched.Op {
		return [][]sched.Op{{w.write(false)}, {w.read(1), w.releaseRead(1)}}
	}),
	rwScenario("writer/last reader", true, func(w *rwWorld) [][]sched.Op {
		return [][]sched.Op{{w.write(false)}, {w.releaseRead(0)}}
	}),
	rwScenario("try writer/try reader", false, func(w *rwWorld) [][]sched.Op {
		return [][]sched.Op{{w.write(true)}, {w.tryRead(1), w.releaseRead(1)}}
	}),
}
