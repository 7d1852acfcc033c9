//go:build !rcrelease

package rctest_test

import (
	"errors"
	"fmt"

	"github.com/rcbook/rcbook/arc"
	"github.com/rcbook/rcbook/rctest"
	"github.com/rcbook/rcbook/refcount"
)

// startWorker gives a worker its own clone of the shared settings and a
// shared reference to the store, and forgets both on its error path.
func startWorker(settings *arc.Arc[string], store *refcount.RefCount, job string) error {
	mine := settings.Clone()
	ref, ok := store.TryAcquire()
	if !ok {
		mine.Drop()
		return errors.New("store busy")
	}
	if job == "" {
		return errors.New("empty job") // the bug: mine and ref are lost
	}
	ref.Release()
	mine.Drop()
	return nil
}

// VerifyNoLeaks watches every handle package, not only rc: an arc
// allocation that a lost clone keeps from being freed, and a refcount
// reference lost without Release, which leaves its RefCount held for good.
// The arc report names the line that made the allocation; the refcount
// report, the line that acquired the reference.
func ExampleVerifyNoLeaks_everyHandle() {
	t := &recorder{name: "TestWorkers"}
	rctest.VerifyNoLeaks(t)

	settings := arc.New("settings")
	var store refcount.RefCount
	fmt.Println("first job:", startWorker(&settings, &store, "resize"))
	fmt.Println("second job:", startWorker(&settings, &store, ""))
	settings.Drop()
	fmt.Println("store still held by", store.Count(), "reference")

	t.end()
	// Output:
	// first job: <nil>
	// second job: empty job
	// store still held by 1 reference
	// TestWorkers fails: rc: leak: arc allocation made at example_handles_test.go:40 (rctest_test.ExampleVerifyNoLeaks_everyHandle) was never freed: an Arc or Weak was lost without Drop, or a cycle of strong handles was dropped
	// TestWorkers fails: rc: leak: refcount reference acquired at example_handles_test.go:18 (rctest_test.startWorker) was never released: a Ref was lost without Release, and its RefCount stays held
}
