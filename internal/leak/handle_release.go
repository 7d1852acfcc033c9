//go:build rcrelease

package leak

import "fmt"

// Handle is empty in release builds: no leak detection, no cost.
type Handle struct{}

func arm[T any](*Handle, *entry, *T) {}

// Stop does nothing in release builds.
func Stop(*Handle) {}

// Note does nothing in release builds.
func Note(*Handle, fmt.Stringer) {}

// Token is empty in release builds.
type Token struct{}

// Minting is false in release builds: no Token is ever minted.
func Minting() bool { return false }

// Tracked is false in release builds.
func Tracked(Token) bool { return false }

// Mint returns the empty Token in release builds.
func Mint(*Kind) Token { return Token{} }

// Burn does nothing in release builds.
func Burn(*Token) {}
