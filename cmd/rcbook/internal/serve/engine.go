package serve

import (
	"sync"

	"github.com/rcbook/rcbook/cmd/rcbook/internal/play"
)

// Step is what the playground's API answers for each command of a script:
// play.Step, which the page's JavaScript reads as JSON.
type Step = play.Step

// replayMu serializes replays: a step's State.Live is measured with the
// library's global count of live allocations, which another request's
// session would disturb.
var replayMu sync.Mutex

// runScript is how the server replays a script: from a fresh session, one
// session at a time, with play.Replay, the engine of rcbook play.
func runScript(script string) []Step {
	replayMu.Lock()
	defer replayMu.Unlock()
	return play.Replay(script)
}
