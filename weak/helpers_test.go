package weak_test

// journal records what destructors did, in order.
type journal []string

func (j *journal) record(event string) { *j = append(*j, event) }

// dropLogger records its Drop in a journal. Its Drop method is on the
// pointer receiver and T is *dropLogger, as for most values with identity.
type dropLogger struct {
	name string
	log  *journal
}

func (d *dropLogger) Drop() { d.log.record("drop " + d.name) }
