package rwlock_test

import (
	"context"
	"fmt"

	"github.com/rcbook/rcbook/rwlock"
)

func Example() {
	l := rwlock.New([]string{"a"})
	ctx := context.Background()

	w, err := l.Write(ctx)
	if err != nil {
		panic(err)
	}
	*w.Value() = append(*w.Value(), "b")
	w.Release()

	r1, _ := l.Read(ctx)
	r2, _ := l.Read(ctx) // readers share
	_, ok := l.TryWrite()
	fmt.Println(*r1.Value(), *r2.Value(), "writer admitted:", ok)
	r1.Release()
	r2.Release()
	// Output: [a b] [a b] writer admitted: false
}
