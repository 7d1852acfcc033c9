package weak_test

import "github.com/rcbook/rcbook/rctest"

// dropLogger records its Drop in an rctest.Journal. Its Drop method is on the
// pointer receiver and T is *dropLogger, as for most values with identity.
type dropLogger struct {
	name string
	log  *rctest.Journal
}

func (d *dropLogger) Drop() { d.log.Record("drop " + d.name) }
