package serve

import "github.com/rcbook/rcbook/cmd/rcbook/internal/play"

// Step is what the playground's API answers for each command of a script:
// play.Step, which the page's JavaScript reads as JSON.
type Step = play.Step

// runScript is how the server replays a script: from a fresh session, with
// play.Replay, the engine of rcbook play. Replays share nothing, so requests
// run side by side.
func runScript(script string) []Step { return play.Replay(script) }
