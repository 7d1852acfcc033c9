package arc

import (
	"github.com/rcbook/rcbook/internal/leak"
	"github.com/rcbook/rcbook/internal/trace"
	"github.com/rcbook/rcbook/invariants"
)

// trackLeak arms leak detection for b if a test asked for it, as package
// rc does: rctest.VerifyNoLeaks, rctest.VerifyTestMain and rctest.Leaks
// then report an arc allocation that became unreachable without being
// freed, with the line that made it. Checked builds only; with -tags
// rcrelease it compiles to nothing. With -tags rctrace it also starts b's
// history, which a leak report then quotes. Only the goroutine that makes the
// allocation arms it, before anyone else can see it; only the one whose
// decrement frees it stops it (free), so the Handle needs no atomics.
func (b *box[T]) trackLeak() {
	if trace.Enabled {
		b.note()
	}
	if invariants.Enabled && leak.On() {
		leak.Arm(&b.leak, b, &allocationLeaks)
		if trace.Enabled {
			leak.Note(&b.leak, b.log.History())
		}
	}
}

// allocationLeaks is how a leak report names a lost arc allocation.
var allocationLeaks = leak.Kind{
	What: "arc allocation", Made: "made",
	Lost: "was never freed: an Arc or Weak was lost without Drop, or a cycle of strong handles was dropped",
}
