//go:build rcrelease

package rcbox

// leakHandle is empty in release builds: no leak detection, no cost.
type leakHandle struct{}

func arm[T any](*leakHandle, *Box[T], site) {}

func stop(*leakHandle) {}
