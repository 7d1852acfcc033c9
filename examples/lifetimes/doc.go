// Package lifetimes sets Go's own lifetime tools beside rcbook's, for
// chapter 16: weak.Pointer, unique.Make, runtime.AddCleanup with
// runtime.KeepAlive (the examples), and a runtime/cgo.Handle whose
// deletion is counted by an rc.Rc (Attach and Fire).
//
// Attach and Fire talk to a few lines of C, so they exist only when cgo is
// enabled (CGO_ENABLED=1 and a C compiler). Without cgo the package holds
// the examples alone.
package lifetimes
