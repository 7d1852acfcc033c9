package rcmap_test

import (
	"context"
	"errors"
	"fmt"

	"github.com/rcbook/rcbook/rcmap"
)

// A second Release of the same handle panics with an *rcmap.Error and
// leaves the count alone: it cannot spend a share that belongs to another
// holder, so the entry survives until that holder lets go.
func ExampleHandle_Release_twice() {
	m := rcmap.New(func(key string, _ int) { fmt.Println("cleanup:", key) })
	h, _, _ := m.Acquire(context.Background(), "news", func() (int, error) { return 1, nil })
	other := h.Clone()
	h.Release()
	func() {
		defer func() {
			var rerr *rcmap.Error
			if err, isErr := recover().(error); isErr && errors.As(err, &rerr) {
				fmt.Println("panic:", rerr)
			}
		}()
		h.Release()
	}()
	fmt.Println("count:", m.Count("news"))
	other.Release()
	fmt.Println("entries:", m.Len())
	// Output:
	// panic: rcmap: Release: handle already released
	// count: 1
	// cleanup: news
	// entries: 0
}
