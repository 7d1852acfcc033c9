//go:build solution

package double

// Double returns twice n.
func Double(n int) int {
	return Times * n
}
