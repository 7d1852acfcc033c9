// Package properties checks rcbook's own rc and weak packages against the
// reference model in invariants/model, with property-based tests.
//
// Impl adapts rc and weak to the harness's interface. The tests run the
// harness's state machine (rapid's default is 100 runs of about 30 random
// operations each); for a deeper search:
//
//	go test ./properties -run TestModel -rapid.checks=100000
//	go test ./properties -run=^$ -fuzz=FuzzModel -fuzztime=30s
package properties
