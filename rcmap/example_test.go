package rcmap_test

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/rcbook/rcbook/rcmap"
)

// Two subscribers share one topic; the topic goes away with the second.
func Example() {
	topics := rcmap.New(func(name string, _ []string) { fmt.Println("removed topic", name) })
	ctx := context.Background()
	empty := func() ([]string, error) { return nil, nil } // a create that cannot fail
	alice, created, _ := topics.Acquire(ctx, "news", empty)
	fmt.Println("created:", created, "count:", topics.Count("news"))
	bob, created, _ := topics.Acquire(ctx, "news", empty)
	fmt.Println("created:", created, "count:", topics.Count("news"))
	alice.Release()
	fmt.Println("topics:", topics.Len())
	bob.Release()
	fmt.Println("topics:", topics.Len())
	// Output:
	// created: true count: 1
	// created: false count: 2
	// topics: 1
	// removed topic news
	// topics: 0
}

// A create that fails makes no entry: its error goes to the caller of
// Acquire (and to every Acquire that waited for it), and the next Acquire
// of the key tries again.
func ExampleMap_Acquire_error() {
	var conns rcmap.Map[string, string] // the zero Map is ready to use
	ctx := context.Background()
	dial := func(addr string, up bool) func() (string, error) {
		return func() (string, error) {
			if !up {
				return "", errors.New("connection refused")
			}
			return "conn to " + addr, nil
		}
	}
	_, _, err := conns.Acquire(ctx, "db:5432", dial("db:5432", false))
	fmt.Println("first try:", err, "- entries:", conns.Len())
	h, created, err := conns.Acquire(ctx, "db:5432", dial("db:5432", true))
	fmt.Println("second try:", h.Value(), created, err)
	h.Release()
	// Output:
	// first try: connection refused - entries: 0
	// second try: conn to db:5432 true <nil>
}

// All is a snapshot of the entries, and counts nothing. Its loop body runs
// with the map unlocked, so it may Join the entries it wants to keep using:
// here the topics with a value of 10 or more, kept until the function
// returns.
func ExampleMap_All() {
	var m rcmap.Map[string, int]
	ctx := context.Background()
	for i, name := range []string{"news", "sport", "weather"} {
		h, _, _ := m.Acquire(ctx, name, func() (int, error) { return i * 10, nil })
		defer h.Release()
	}
	for key, value := range m.All() {
		if value >= 10 {
			if h, found := m.Join(key); found {
				defer h.Release() // a defer in a range-over-func body waits for the function
			}
		}
	}
	var lines []string
	for key, value := range m.All() {
		lines = append(lines, fmt.Sprintf("%s=%d count %d", key, value, m.Count(key)))
	}
	slices.Sort(lines) // All's order is unspecified
	fmt.Println(strings.Join(lines, "\n"))
	// Output:
	// news=0 count 1
	// sport=10 count 2
	// weather=20 count 2
}

// Load reads a value without taking a handle: the count does not change.
func ExampleMap_Load() {
	var m rcmap.Map[string, int]
	h, _, _ := m.Acquire(context.Background(), "news", func() (int, error) { return 7, nil })
	value, found := m.Load("news")
	fmt.Println(value, found, "count:", m.Count("news"))
	h.Release()
	_, found = m.Load("news")
	fmt.Println("after the last Release:", found)
	// Output:
	// 7 true count: 1
	// after the last Release: false
}
