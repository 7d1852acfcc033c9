package refcount

import "github.com/rcbook/rcbook/internal/trace"

// released is what Release stores in a handle's released field: 1, or,
// built with -tags rctrace, the number of the record of the line that
// released it (package internal/trace), so that releasing it again says
// where it was released the first time:
//
//	refcount: Release: reference already released
//		this handle was released by refcount.(*Ref).Release at /src/app/db.go:52 (app.(*DB).Query)
//
// A handle has no room for another field (a struct of more than four is
// kept in memory rather than in registers), and the field is 32 bits wide
// anyway. Without the tag released is the constant 1.
func released() uint32 {
	if trace.Enabled {
		return trace.Released()
	}
	return 1
}
