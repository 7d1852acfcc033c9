package rc_test

import (
	"fmt"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
)

// goTool runs the go command with args from the module root, as a
// developer would, and returns what it printed. A report is its output, so
// the error (vet's exit status 1, the race detector's 66) is left out.
func goTool(args ...string) string {
	cmd := exec.Command("go", args...)
	cmd.Dir = ".." // tests run in the package's directory, rc
	out, _ := cmd.CombinedOutput()
	return string(out)
}

// go vet's copylocks check reports every statement that copies a handle,
// because every handle holds a no-copy marker with Lock and Unlock methods.
// The fixture rc/testdata/vetcopy copies handles seven ways vet reports and
// three ways it does not (copy, append, slices.Clone), which print nothing.
// The lines go vet prints before its reports, if any, are left out.
func ExampleRc_vet() {
	for _, line := range strings.Split(goTool("vet", "./rc/testdata/vetcopy"), "\n") {
		if strings.HasPrefix(line, "rc/") {
			fmt.Println(line)
		}
	}
	// Output:
	// rc/testdata/vetcopy/main.go:15:13: show passes lock by value: github.com/rcbook/rcbook/rc.Rc[int] contains github.com/rcbook/rcbook/internal/nocopy.NoCopy
	// rc/testdata/vetcopy/main.go:21:7: assignment copies lock value to c: github.com/rcbook/rcbook/rc.Rc[int] contains github.com/rcbook/rcbook/internal/nocopy.NoCopy
	// rc/testdata/vetcopy/main.go:22:7: assignment copies lock value to d: github.com/rcbook/rcbook/rc.Rc[int] contains github.com/rcbook/rcbook/internal/nocopy.NoCopy
	// rc/testdata/vetcopy/main.go:29:7: assignment copies lock value to b: github.com/rcbook/rcbook/rc.Rc[int] contains github.com/rcbook/rcbook/internal/nocopy.NoCopy
	// rc/testdata/vetcopy/main.go:30:15: call of show copies lock value: github.com/rcbook/rcbook/rc.Rc[int] contains github.com/rcbook/rcbook/internal/nocopy.NoCopy
	// rc/testdata/vetcopy/main.go:37:9: range var h copies lock: github.com/rcbook/rcbook/rc.Rc[int] contains github.com/rcbook/rcbook/internal/nocopy.NoCopy
	// rc/testdata/vetcopy/main.go:45:9: return copies lock value: github.com/rcbook/rcbook/rc.Rc[int] contains github.com/rcbook/rcbook/internal/nocopy.NoCopy
}

// The race detector reports one Rc used from two goroutines. The fixture
// rc/testdata/racy races in one place only, so its first report is the same
// on every run once the parts that change from run to run are masked: the
// address, the goroutine's number, and the library's file lines (its
// functions are kept, and the program's own lines).
func ExampleRc_race() {
	out := goTool("run", "-race", "./rc/testdata/racy")
	_, report, _ := strings.Cut(out, "WARNING: DATA RACE\n")
	report, _, _ = strings.Cut(report, "==================")
	root, _ := filepath.Abs("..")
	fmt.Println("WARNING: DATA RACE")
	for _, line := range strings.Split(strings.TrimSpace(report), "\n") {
		line = address.ReplaceAllString(line, "at 0x…")
		line = goroutine.ReplaceAllString(line, "${1}oroutine N")
		if file, ok := strings.CutPrefix(strings.TrimSpace(line), root+"/"); ok {
			if !strings.HasPrefix(file, "rc/testdata/") {
				continue // a library line: it moves whenever the library changes
			}
			line = "      " + offset.ReplaceAllString(file, "")
		}
		fmt.Println(line)
	}
	// Output:
	// WARNING: DATA RACE
	// Read at 0x… by main goroutine:
	//   github.com/rcbook/rcbook/invariants.(*Header).StrongUsable()
	//   github.com/rcbook/rcbook/rc.(*box[go.shape.int]).checkStrong()
	//   github.com/rcbook/rcbook/rc.(*Rc[go.shape.int]).header()
	//   github.com/rcbook/rcbook/rc.(*Rc[go.shape.int]).StrongCount()
	//   main.main()
	//       rc/testdata/racy/main.go:29
	//
	// Previous write at 0x… by goroutine N:
	//   github.com/rcbook/rcbook/rc.(*box[go.shape.int]).tryIncStrongFast()
	//   github.com/rcbook/rcbook/rc.(*Rc[go.shape.int]).Clone()
	//   main.main.func1()
	//       rc/testdata/racy/main.go:24
	//
	// Goroutine N (finished) created at:
	//   main.main()
	//       rc/testdata/racy/main.go:23
}

var (
	address   = regexp.MustCompile(`at 0x[0-9a-f]+`)
	goroutine = regexp.MustCompile(`([gG])oroutine [0-9]+`)
	offset    = regexp.MustCompile(` \+0x[0-9a-f]+$`)
)
