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
)

// Step is one operation with its arguments. The fields an Op does not use
// are ignored.
type Step struct {
	Op     Op
	I, J   int  // handle indices: strong handles for Rc operations, weak handles for Weak ones
	Panics bool // new values: the destructor panics once its work is done
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
	}
	return fmt.Sprintf("Op(%d)", s.Op)
}
