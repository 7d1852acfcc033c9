package invariants_test

import (
	"fmt"
	"os"
	"text/tabwriter"

	"github.com/rcbook/rcbook/invariants"
)

// The seven rules every allocation obeys, one line each, printed from
// invariants.Rules: the table in the book is this output, so it says what
// the code says.
func ExampleRules() {
	w := tabwriter.NewWriter(os.Stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(w, "rule\tname\twhat it says")
	for _, r := range invariants.Rules {
		fmt.Fprintf(w, "%s\t%s\t%s\n", r.ID, r.Name, r.Statement)
	}
	w.Flush()
	// Output:
	// rule  name                 what it says
	// I1    header validity      strong and weak are always valid counts: no operation makes either underflow or overflow, and every increment is checked.
	// I2    value liveness       the value is initialized exactly while strong > 0, and it is dropped exactly once, when strong reaches 0.
	// I3    allocation liveness  the allocation is live exactly while strong + weak > 0.
	// I4    implicit weak        while strong > 0, weak includes one extra unit owned jointly by all strong handles; when strong reaches 0 exactly that unit is released, and WeakCount never shows it.
	// I5    deallocation         the allocation is freed exactly when strong == 0 and weak == 0, and is never touched afterwards.
	// I6    alias soundness      GetMut hands out a mutable view only when strong == 1 and no Weak exists; TryUnwrap and IntoInner need only strong == 1.
	// I7    upgrade correctness  Upgrade succeeds exactly when it can increment a strong count that is > 0; otherwise it fails without touching freed memory and without resurrecting the value.
}
