package model

import "fmt"

// Op is one kind of step the harness can take.
type Op uint8

// The steps, one per operation of rc and weak, plus the overflow probe.
const (
	OpNew            Op = iota // rc.New
	OpNewWithCleanup           // rc.NewWithCleanup
	OpNewCyclic                // rc.NewCyclic, storing a Weak to itself in the value
	OpClone                    // Rc.Clone of strong handle I
	OpMove                     // Rc.Move of strong handle I
	OpDrop                     // Rc.Drop of strong handle I
	OpDowngrade                // rc.Downgrade of strong handle I
	OpDangling                 // rc.NewWeak
	OpWeakClone                // Weak.Clone of weak handle I
	OpWeakMove                 // Weak.Move of weak handle I
	OpWeakDrop                 // Weak.Drop of weak handle I
	OpUpgrade                  // Weak.Upgrade of weak handle I
	OpGetMut                   // Rc.GetMut of strong handle I
	OpMakeMut                  // Rc.MakeMut of strong handle I
	OpTryUnwrap                // Rc.TryUnwrap of strong handle I
	OpIntoInner                // Rc.IntoInner of strong handle I
	OpPtrEq                    // rc.PtrEq of strong handles I and J
	OpWeakPtrEq                // rc.WeakPtrEq of weak handles I and J
	OpProbeOverflow            // counts at their maximum: increments through handle I must be refused (I1)
	// The misuse steps: a handle copied without Clone (Go lets `c := *h`
	// compile; go vet reports it) is a stale copy, counted nowhere. Using one
	// once its allocation has moved on is refused by the header checks, so
	// these steps are offered only in checked builds (invariants.Enabled);
	// with -tags rcrelease the same use is undefined behaviour, as it is in
	// Rust's unsafe code, and no step takes it.
	OpStaleCopy     // copy strong handle I without Clone: a stale handle, not counted
	OpWeakStaleCopy // downgrade strong handle I, copy the Weak without Clone, drop the Weak: a Weak counted nowhere
	OpStaleUse      // use stale strong copy I (Use says how) where it must be refused
	OpWeakStaleUse  // use stale weak copy I (Use says how) where it must be refused
)

// Use is what a misuse step does with a stale copy.
type Use uint8

// The uses of a stale copy. A strong copy may take any of them but Upgrade,
// a weak copy Get, Count, Clone, Move, Drop and Upgrade (Get means the
// counts for a Weak, which has no Get).
const (
	UseGet Use = iota
	UseCount
	UseClone
	UseMove
	UseDrop
	UseDowngrade
	UseGetMut
	UseMakeMut
	UseTryUnwrap
	UseIntoInner
	UseUpgrade
)

var useNames = [...]string{"Get", "StrongCount", "Clone", "Move", "Drop", "Downgrade", "GetMut", "MakeMut", "TryUnwrap", "IntoInner", "Upgrade"}

// String is the method the use calls, e.g. "Clone".
func (u Use) String() string {
	if int(u) < len(useNames) {
		return useNames[u]
	}
	return fmt.Sprintf("Use(%d)", u)
}

// strongUses and weakUses are the uses the explorer tries on stale copies.
var (
	strongUses = []Use{UseGet, UseCount, UseClone, UseMove, UseDrop, UseDowngrade, UseGetMut, UseMakeMut, UseTryUnwrap, UseIntoInner}
	weakUses   = []Use{UseCount, UseClone, UseMove, UseDrop, UseUpgrade}
)

// StrongUses lists the uses a stale strong copy can be put to.
func StrongUses() []Use { return append([]Use(nil), strongUses...) }

// WeakUses lists the uses a stale weak copy can be put to.
func WeakUses() []Use { return append([]Use(nil), weakUses...) }

// Step is one operation with its arguments. The fields an Op does not use
// are ignored.
type Step struct {
	Op     Op
	I, J   int  // handle indices: strong handles for Rc operations, weak handles for Weak ones
	Panics bool // new values: the destructor panics once its work is done
	// NewWithCleanup only: the cleanup panics once its work is done. The
	// value's own destructor must still run, and a panic reach the caller.
	CleanupPanics bool
	// New and NewWithCleanup: the value is equal (==, reflect.DeepEqual) to
	// the one made just before it, so that only the allocation tells them
	// apart. The harness tells them apart by the allocation they are in.
	Twin bool
	// MakeMut only: the clone function drops every other strong handle to
	// the allocation before it returns, so that MakeMut's own release of
	// the original is the last one and drops the value.
	CloneDrops bool
	// OpStaleUse, OpWeakStaleUse: what the misuse does with the copy.
	Use Use
	// NewCyclic only:
	Escape      bool // build clones its Weak into a handle of its own
	BuildPanics bool // build panics after that
	MoveSelf    bool // build moves its Weak into the value instead of cloning it
}

// taken records one step as it was taken: enough to describe it later,
// without formatting anything on the explorer's hot path.
type taken struct {
	step Step
	made string // the name of the handle the step made, if any
	// escaped names the Weak a NewCyclic's build kept (Escape).
	escaped string
	ni, nj  string // the names of handles I and J when the step was taken
	id      int    // the newest value ID when the step was taken
}

// String says what the step did, naming handles by the names the machine
// gave them, e.g. "s2 := s1.Clone()".
func (k taken) String() string {
	s, made := k.step, k.made
	sn := func(int) string { return k.ni }
	wn := sn
	if s.Op == OpPtrEq || s.Op == OpWeakPtrEq {
		sn = func(i int) string {
			if i == s.J {
				return k.nj
			}
			return k.ni
		}
		wn = sn
	}
	panics := ""
	if s.Panics {
		panics = ", destructor panics"
	}
	if s.CleanupPanics {
		panics += ", cleanup panics"
	}
	if s.Twin {
		panics += ", equal to the value before"
	}
	switch s.Op {
	case OpNew:
		return fmt.Sprintf("%s := rc.New(v%d%s)", made, k.id, panics)
	case OpNewWithCleanup:
		return fmt.Sprintf("%s := rc.NewWithCleanup(v%d%s)", made, k.id, panics)
	case OpNewCyclic:
		how := "clones"
		if s.MoveSelf {
			how = "moves"
		}
		desc := fmt.Sprintf("%s := rc.NewCyclic(build %s its Weak into v%d%s", made, how, k.id, panics)
		if s.Escape {
			desc += ", keeps a clone"
		}
		if s.BuildPanics {
			desc += ", then panics"
		}
		return desc + ")"
	case OpClone:
		return fmt.Sprintf("%s := %s.Clone()", made, sn(s.I))
	case OpMove:
		return fmt.Sprintf("%s := %s.Move()", made, sn(s.I))
	case OpDrop:
		return sn(s.I) + ".Drop()"
	case OpDowngrade:
		return fmt.Sprintf("%s := rc.Downgrade(&%s)", made, sn(s.I))
	case OpDangling:
		return made + " := rc.NewWeak[V]()"
	case OpWeakClone:
		return fmt.Sprintf("%s := %s.Clone()", made, wn(s.I))
	case OpWeakMove:
		return fmt.Sprintf("%s := %s.Move()", made, wn(s.I))
	case OpWeakDrop:
		return wn(s.I) + ".Drop()"
	case OpUpgrade:
		return fmt.Sprintf("%s, ok := %s.Upgrade()", made, wn(s.I))
	case OpGetMut:
		return sn(s.I) + ".GetMut()"
	case OpMakeMut:
		if s.CloneDrops {
			return sn(s.I) + ".MakeMut(clone that drops the other strong handles)"
		}
		return sn(s.I) + ".MakeMut(clone)"
	case OpTryUnwrap:
		return sn(s.I) + ".TryUnwrap()"
	case OpIntoInner:
		return sn(s.I) + ".IntoInner()"
	case OpPtrEq:
		return fmt.Sprintf("rc.PtrEq(&%s, &%s)", sn(s.I), sn(s.J))
	case OpWeakPtrEq:
		return fmt.Sprintf("rc.WeakPtrEq(&%s, &%s)", wn(s.I), wn(s.J))
	case OpProbeOverflow:
		return fmt.Sprintf("counts of %s's allocation set to their maximum; every increment must be refused", sn(s.I))
	case OpStaleCopy:
		return fmt.Sprintf("%s := *%s // copied without Clone: not counted", made, sn(s.I))
	case OpWeakStaleCopy:
		return fmt.Sprintf("w := rc.Downgrade(&%s); %s := w /* copied without Clone */; w.Drop() // %s is counted nowhere", sn(s.I), made, made)
	case OpStaleUse, OpWeakStaleUse:
		return fmt.Sprintf("%s.%s() // stale: must be refused", sn(s.I), s.Use)
	}
	return fmt.Sprintf("Op(%d)", s.Op)
}
