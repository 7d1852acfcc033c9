package main

import (
	"fmt"
	"os"
	"os/exec"

	"github.com/rcbook/rcbook/internal/faults"
)

// labMutants needs the faults compiled in. A normal build has none (they
// cost nothing there), so it runs itself again, built with -tags rcmutant.
func labMutants(args []string) error {
	if faults.Enabled {
		return runMutants(args)
	}
	cmd := exec.Command("go", append([]string{"run", "-tags", "rcmutant",
		"github.com/rcbook/rcbook/cmd/rcbook", "lab", "mutants"}, args...)...)
	cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("lab mutants (built with -tags rcmutant): %w", err)
	}
	return nil
}
