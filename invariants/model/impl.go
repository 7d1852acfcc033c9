package model

// Impl is an Rc/Weak implementation under test, seen through the operations
// the harness needs. Values are of the harness's own type, Value, so that the
// harness can recognise them and log their destructors.
type Impl interface {
	// New is rc.New: a fresh allocation with one strong handle.
	New(v Value) Strong
	// NewWithCleanup is rc.NewWithCleanup.
	NewWithCleanup(v Value, cleanup func(Value)) Strong
	// NewCyclic is rc.NewCyclic; build receives a Weak on loan.
	NewCyclic(build func(self Weak) Value) Strong
	// Dangling is rc.NewWeak: a Weak to nothing.
	Dangling() Weak
	// LiveAllocations is rc.LiveAllocations.
	LiveAllocations() int
}

// Strong is one strong handle (rc.Rc) of the implementation under test.
type Strong interface {
	Clone() Strong
	Move() Strong
	Drop()
	Get() *Value
	GetMut() (*Value, bool)
	MakeMut(clone func(Value) Value) *Value
	TryUnwrap() (Value, bool)
	IntoInner() (Value, bool)
	StrongCount() int
	WeakCount() int
	IsEmpty() bool
	Downgrade() Weak
	PtrEq(other Strong) bool
}

// Weak is one Weak handle (rc.Weak) of the implementation under test.
type Weak interface {
	Upgrade() (Strong, bool)
	Clone() Weak
	Move() Weak
	Drop()
	StrongCount() int
	WeakCount() int
	PtrEq(other Weak) bool
}

// CountSetter is implemented by an Impl whose headers the harness may
// reach directly. It lets the overflow probe put a count at its maximum (I1)
// without making 2^63 handles. The raw weak count includes the implicit
// weak. Without it the harness never offers the probe.
type CountSetter interface {
	RawCounts(s Strong) (strong, weak int)
	SetRawCounts(s Strong, strong, weak int)
}
