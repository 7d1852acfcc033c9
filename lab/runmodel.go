package lab

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/rcbook/rcbook/invariants/model"
)

// runModel hunts a Model mutant: the model-based tests in the plain build,
// then, if rapid or the explorer missed it there, with the checks compiled
// out (-tags rcrelease); then, apart, the unit tests of rc, weak and pool,
// in the same two builds, package by package until one fails.
func runModel(r Result, dir, overlay, reports string, opts Options) Result {
	base := []string{"test", "-json", "-count=1", "-overlay", overlay, "-timeout", opts.Timeout.String()}
	withTags := func(build Kill, args ...string) []string {
		out := slices.Clone(base)
		if build == Release {
			out = append(out, "-tags", "rcrelease")
		}
		return append(out, args...)
	}
	for i, build := range []Kill{Checked, Release} {
		if r.ByRapid != Survived && r.ByExplorer != Survived {
			break
		}
		// Each build writes its reports in a folder of its own.
		buildReports := filepath.Join(reports, strconv.Itoa(i))
		if err := os.MkdirAll(buildReports, 0o755); err != nil {
			r.Err = err
			return r
		}
		// Each kind runs its tests in order and stops at the first that
		// fails: heap headers first, then pooled ones.
		hunt := func(tests []string, tool string, kill *Kill, v **model.Violation) error {
			if *kill != Survived {
				return nil
			}
			args := withTags(build, "-failfast", "-run", "^("+strings.Join(tests, "|")+")$", r.Package(),
				"-args", "-rapid.checks="+strconv.Itoa(opts.Checks), "-rapid.seed="+strconv.FormatUint(opts.Seed, 10),
				"-rapid.nofailfile", "-rapid.shrinktime=5s")
			failed, err := goTest(dir, args, buildReports, opts)
			if err != nil {
				return err
			}
			r.Failed = append(r.Failed, failed...)
			if anyOf(failed, tests) {
				*kill, *v = build, firstReport(buildReports, tests, tool, failed)
			}
			return nil
		}
		if err := errors.Join(hunt(rapidTests, "rapid", &r.ByRapid, &r.Rapid),
			hunt(exploreTests, "explore", &r.ByExplorer, &r.Explored)); err != nil {
			r.Err = fmt.Errorf("lab: mutant %s: %w", r.Name, err)
			return r
		}
	}
	r.Killed = r.ByRapid != Survived && r.ByExplorer != Survived
	for _, build := range []Kill{Checked, Release} {
		for _, pkg := range unitPackages {
			if r.ByUnitTests != Survived {
				return r
			}
			args := withTags(build, "-failfast", "-skip", "^("+strings.Join(notUnit, "|")+")$", pkg)
			if usesRapid(dir, pkg) {
				args = append(args, "-args", "-rapid.nofailfile", "-rapid.shrinktime=1s")
			}
			failed, err := goTest(dir, args, reports, opts)
			if err != nil {
				r.Err = fmt.Errorf("lab: mutant %s: %w", r.Name, err)
				return r
			}
			if len(failed) > 0 {
				r.ByUnitTests = build
				r.Failed = append(r.Failed, failed...)
			}
		}
	}
	return r
}

// firstReport returns the violation the first of tests that failed wrote
// for tool, or nil.
func firstReport(dir string, tests []string, tool string, failed []string) *model.Violation {
	for _, t := range tests {
		if slices.Contains(failed, t) {
			if v := readReport(dir, t, tool); v != nil {
				return v
			}
		}
	}
	return nil
}

func anyOf(failed, tests []string) bool {
	return slices.ContainsFunc(tests, func(t string) bool { return slices.Contains(failed, t) })
}

// goTest runs go test -json with args in dir, the model tests writing their
// reports under reports, and returns the tests that failed. An error means
// go test could not run the tests at all: the package did not build.
func goTest(dir string, args []string, reports string, opts Options) ([]string, error) {
	cmd := exec.Command("go", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), model.ReportDir+"="+reports, "RCBOOK_EXPLORE_DEPTH="+strconv.Itoa(opts.Depth))
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	runErr := cmd.Run()
	failed, buildFailed := failures(stdout.Bytes())
	if buildFailed || (runErr != nil && !isExit(runErr)) {
		return nil, fmt.Errorf("go test could not run it (does the mutated file compile?): %v\n%s",
			runErr, strings.TrimSpace(stderr.String()))
	}
	return failed, nil
}
