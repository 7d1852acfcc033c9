package model

import (
	"regexp"
	"strings"
)

var (
	testifyMessage  = regexp.MustCompile(`(?m)^\s*Messages:\s*(.*)$`)
	testifyError    = regexp.MustCompile(`(?m)^\s*Error:\s*(.*)$`)
	testifyExpected = regexp.MustCompile(`(?m)^\s*expected:\s*(.*)$`)
	testifyActual   = regexp.MustCompile(`(?m)^\s*actual\s*:\s*(.*)$`)
)

// Condense turns a testify failure report into one line: the check's own
// message, with what was expected and what was found, e.g. "StrongCount of
// s1 (expected 2, got 1)". Text that is not a testify report comes back
// trimmed to its first line.
func Condense(report string) string {
	msg := first(testifyMessage, report)
	errLine := first(testifyError, report)
	detail := ""
	switch {
	case strings.HasPrefix(errLine, "Not equal"):
		detail = "expected " + first(testifyExpected, report) + ", got " + first(testifyActual, report)
	case strings.HasPrefix(errLine, "Should be"):
	default:
		detail = errLine
	}
	switch {
	case msg == "" && detail == "":
		line, _, _ := strings.Cut(strings.TrimSpace(report), "\n")
		return line
	case msg == "":
		return detail
	case detail == "":
		return msg
	}
	return msg + " (" + detail + ")"
}

func first(re *regexp.Regexp, s string) string {
	if m := re.FindStringSubmatch(s); m != nil {
		return strings.TrimSpace(m[1])
	}
	return ""
}
