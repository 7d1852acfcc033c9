package rc

// RawUnits returns the number of strong units tok carries, 0 once it is
// used up, for the raw API's tests.
func RawUnits(tok Token) int { return raws.Units(uintptr(tok)) }

// LiveTokens returns the number of tokens that carry units.
func LiveTokens() int { return raws.Live() }
