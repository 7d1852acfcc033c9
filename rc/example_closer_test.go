package rc_test

import (
	"errors"
	"fmt"
	"os"

	"github.com/rcbook/rcbook/rc"
)

// A real *os.File shared by two owners. Close is Drop that returns the
// error of the cleanup it ran: nil from an owner that was not the last, the
// file's own Close error from the last one.
func ExampleNewCloser() {
	f, err := os.CreateTemp("", "rcbook-*.log")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer os.Remove(f.Name())

	log := rc.NewCloser(f) // the cleanup is f.Close
	worker := log.Clone()
	fmt.Fprintln(*worker.Get(), "worker: done")
	fmt.Println("worker's Close:", worker.Close()) // not the last owner: the file stays open
	fmt.Fprintln(*log.Get(), "main: done")
	fmt.Println("main's Close:", log.Close()) // the last owner: f.Close runs now

	data, _ := os.ReadFile(f.Name())
	fmt.Print(string(data))
	// Output:
	// worker's Close: <nil>
	// main's Close: <nil>
	// worker: done
	// main: done
}

// When the file's Close fails, the last owner's Close returns that error.
// Here the file was closed behind rc's back, so closing it again fails.
func ExampleRc_Close() {
	f, err := os.CreateTemp("", "rcbook-*.log")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer os.Remove(f.Name())
	f.Close()

	r := rc.NewCloser(f)
	s := r.Clone()
	fmt.Println("first Close:", r.Close())
	err = s.Close()
	fmt.Println("last Close failed:", err != nil, errors.Is(err, os.ErrClosed))
	// Output:
	// first Close: <nil>
	// last Close failed: true true
}
