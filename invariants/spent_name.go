package invariants

var spentNames = [...]string{
	Never:     "empty",
	Dropped:   "dropped",
	Moved:     "moved",
	Unwrapped: "unwrapped",
	Raw:       "into raw",
}

// String returns why a handle is empty in a word or two, e.g. "dropped",
// for printing a handle; Problem is the sentence of a refusal.
func (s Spent) String() string { return spentNames[s] }
