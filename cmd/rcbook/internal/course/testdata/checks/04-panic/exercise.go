package panics

// Pick returns the i-th name.
func Pick(names []string, i int) string {
	return names[i]
}
