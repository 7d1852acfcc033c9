package invariants

import "fmt"

// State is where an allocation is in its life. The header keeps it beside the
// two counts so that a check can compare what the counts say with what
// actually happened to the value and the allocation; a state derived from the
// counts could never disagree with them, and so could never catch a bug.
type State uint8

// The life of an allocation, in order. The zero State is deliberately none of
// them, so a header that was never initialized fails every check.
const (
	_        State = iota
	Uninit         // NewCyclic is still building the value: strong == 0, weak ≥ 1
	Alive          // the value is live: strong ≥ 1, weak ≥ 1 (the implicit weak, I4)
	Dropping       // strong reached 0 and the destructor is running; the implicit weak is still held
	Dead           // the value was dropped or moved out; only Weaks keep the allocation: weak ≥ 1
	Freed          // strong == 0 and weak == 0: the allocation is gone and poisoned (I5)
)

var stateNames = [...]string{"invalid", "uninit", "alive", "dropping", "dead", "freed"}

// String returns the state's name in the book's vocabulary, e.g. "alive".
func (s State) String() string {
	if int(s) < len(stateNames) {
		return stateNames[s]
	}
	return fmt.Sprintf("State(%d)", uint8(s))
}
