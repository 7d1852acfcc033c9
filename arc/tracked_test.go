package arc_test

import (
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/require"
)

// The machinery the concurrent tests share: a value that watches for the
// bugs the design rules out, a collector for what it saw, and a way to
// start goroutines together. Run the tests under -race: the value's payload
// is plain memory, so any access that the counts fail to order is a
// reported data race.

// tracked is the value under stress. Its flags catch what the counts should
// make impossible.
type tracked struct {
	drops     atomic.Int32 // destructor calls: must end at exactly 1
	dead      atomic.Bool  // set first thing in the destructor
	exclusive atomic.Bool  // set while a GetMut holder writes
	readers   atomic.Int32 // goroutines reading through Get right now
	payload   int          // plain memory: written under GetMut, read under Get
}

func (v *tracked) Drop() {
	v.dead.Store(true)
	v.drops.Add(1)
	v.payload = -1 // the destructor's own write, ordered after every owner's reads
}

// violations collects what the workers saw go wrong.
type violations struct {
	n     atomic.Int32
	mu    sync.Mutex
	first []string
}

func (vs *violations) add(format string, args ...any) {
	if vs.n.Add(1) <= 5 {
		vs.mu.Lock()
		vs.first = append(vs.first, fmt.Sprintf(format, args...))
		vs.mu.Unlock()
	}
}

func (vs *violations) check(t *testing.T) {
	t.Helper()
	require.Zero(t, vs.n.Load(), "violations, the first ones: %v", vs.first)
}

// read uses the value as any holder of a strong handle may.
func read(v *tracked, vs *violations) {
	v.readers.Add(1)
	if v.exclusive.Load() {
		vs.add("a strong handle reads while a GetMut holder writes (I6)")
	}
	if v.dead.Load() {
		vs.add("a strong handle reads a dropped value (I2, I7)")
	}
	_ = v.payload
	v.readers.Add(-1)
}

// write uses a mutable view GetMut handed out: nobody else may be reading,
// and nobody may start while it writes.
func write(v *tracked, vs *violations) {
	if !v.exclusive.CompareAndSwap(false, true) {
		vs.add("two GetMut holders at once (I6)")
		return
	}
	for range 3 {
		if v.readers.Load() != 0 {
			vs.add("GetMut succeeded while another strong handle reads (I6)")
		}
		v.payload++
		runtime.Gosched() // widen the window for anyone who should not be here
	}
	v.exclusive.Store(false)
}

// runTogether runs body on n goroutines and waits for them. Each waits at
// a barrier until all have started, so that their work really overlaps
// instead of one finishing before the next is scheduled.
func runTogether(n int, body func(g int)) {
	var wg sync.WaitGroup
	var arrived atomic.Int32
	for g := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			arrived.Add(1)
			for arrived.Load() < int32(n) {
				runtime.Gosched()
			}
			body(g)
		}()
	}
	wg.Wait()
}
