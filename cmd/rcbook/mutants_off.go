//go:build !rcmutant

package main

import "errors"

// runMutants is never reached without -tags rcmutant: labMutants rebuilds.
func runMutants([]string) error { return errors.New("built without -tags rcmutant") }
