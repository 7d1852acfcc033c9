// Package benchupgrade is exercise 10: measuring what Clone and Upgrade
// cost, and reading the numbers.
package benchupgrade

// The two answers Faster may give.
const (
	Clone   = "clone"   // Clone+Drop of a strong handle is faster
	Upgrade = "upgrade" // Upgrade+Drop through a Weak is faster
)
