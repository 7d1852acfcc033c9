package model

import "strings"

// ReportDir is the environment variable that asks the model tests for
// reports: when it names a directory, a failing model test writes its
// Violation there as a JSON Report (package modeltest does the writing), so
// that a tool such as the verification lab can read which rule was broken
// and by which steps without parsing the test's output.
const ReportDir = "RCBOOK_REPORT"

// Report is what a failing model test writes under ReportDir.
type Report struct {
	Test      string    // the test's name
	Tool      string    // "rapid" or "explore"
	Violation Violation // the failing sequence; rapid's is the shrunk one
}

// ReportFile is the name of the file under ReportDir that holds test's
// report from tool.
func ReportFile(test, tool string) string {
	return strings.ReplaceAll(test, "/", "_") + "." + tool + ".json"
}
