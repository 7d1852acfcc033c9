package arc_test

import (
	"errors"
	"fmt"
	"os"
	"sync"

	"github.com/rcbook/rcbook/arc"
)

// A real *os.File shared by goroutines: each closes its own handle, and
// whichever is last closes the file and gets the file's Close error. Here
// the file was closed behind arc's back, so exactly one Close fails.
func ExampleNewCloser() {
	f, err := os.CreateTemp("", "rcbook-*.log")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer os.Remove(f.Name())
	f.Close()

	shared := arc.NewCloser(f)
	errs := make(chan error, 5)
	var wg sync.WaitGroup
	for range 4 {
		h := shared.Clone()
		wg.Go(func() { errs <- h.Close() })
	}
	errs <- shared.Close()
	wg.Wait()
	close(errs)
	failed := 0
	for err := range errs {
		if errors.Is(err, os.ErrClosed) {
			failed++
		}
	}
	fmt.Println("Closes that returned the file's error:", failed)
	// Output:
	// Closes that returned the file's error: 1
}

// %v prints the value, %+v the counts and the state.
func ExampleArc_Format() {
	a := arc.New(3.5)
	w := arc.Downgrade(&a)
	fmt.Printf("%v %6.2f\n%+v\n%+v\n", &a, &a, &a, &w)
	a.Drop()
	fmt.Printf("%v %v\n", &a, &w)
	w.Drop()
	// Output:
	// 3.5   3.50
	// arc.Arc{strong: 1, weak: 1, state: alive, value: 3.5}
	// arc.Weak{strong: 1, weak: 1, state: alive}
	// <arc.Arc: dropped> <arc.Weak: dead>
}
