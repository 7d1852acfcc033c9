package invariants

// CleanupError is the panic value of a Drop whose cleanup failed: the last
// strong handle was dropped, the cleanup given to NewWithCleanupErr or
// NewCloser (in package rc or arc) ran and returned Err, and the drop that
// ran it had no way to return it. It is not a misuse and breaks no rule:
// the drop completed before the panic (the value is dropped, the implicit
// weak released, the allocation freed if no Weak remains), so the counts
// are consistent and a recover may carry on.
//
// Close, the Drop that returns an error, returns Err instead and never
// panics with a CleanupError. Recover one with errors.As; errors.Is and
// errors.As see Err through Unwrap.
type CleanupError struct {
	Op  Op    // RcDrop or ArcDrop: the package's last drop, whichever call brought strong to 0
	Err error // what the cleanup returned; never nil
}

// Error returns "pkg: Op: cleanup failed: Err (Close returns this error
// instead of panicking)".
func (e *CleanupError) Error() string {
	return e.Op.Package() + ": " + e.Op.Name() + ": cleanup failed: " + e.Err.Error() +
		" (Close returns this error instead of panicking)"
}

// Unwrap returns the cleanup's error.
func (e *CleanupError) Unwrap() error { return e.Err }
