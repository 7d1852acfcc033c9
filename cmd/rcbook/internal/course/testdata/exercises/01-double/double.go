// Package double is a fake exercise: its stub fails and its solution passes.
package double

// Times is how many times Double multiplies.
const Times = 2
