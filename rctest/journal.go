package rctest

// Journal records what destructors and cleanups did, in order, so that a
// test can assert both how many times each ran and in which order.
type Journal []string

// Record appends one event to the journal.
func (j *Journal) Record(event string) { *j = append(*j, event) }

// Resource is a value whose Drop method (value receiver) records
// "drop NAME" in Log: it stands for a file, a connection, a pooled buffer.
// Give it to rc.New, pool.New and the like, and the journal shows when, and
// how often, the value was dropped.
type Resource struct {
	Name string
	Log  *Journal
}

// Drop records that the resource was dropped.
func (r Resource) Drop() { r.Log.Record("drop " + r.Name) }
