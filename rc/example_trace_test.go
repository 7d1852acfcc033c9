package rc_test

import (
	"fmt"
	"path/filepath"
	"strings"
)

// Built with -tags rctrace, a misuse error says where the handle was
// dropped and where the allocation was freed, and lists its last events;
// a leak report lists the lost allocation's. The fixture rc/testdata/traced
// drops an Rc twice and loses an arc clone; the example runs it with the
// tag and trims the repository's directory from the paths.
func ExampleRc_trace() {
	root, _ := filepath.Abs("..")
	out := goTool("run", "-tags", "rctrace", "./rc/testdata/traced")
	fmt.Print(strings.ReplaceAll(out, root+"/", ""))
	// Output:
	// rc: Drop: handle already dropped
	// 	this handle was dropped by rc.(*Rc).Drop at rc/testdata/traced/main.go:19 (main.main)
	// 	the allocation was made by rc.New at rc/testdata/traced/main.go:16 (main.main)
	// 	the allocation was freed by rc.(*Rc).Drop at rc/testdata/traced/main.go:19 (main.main)
	// 	its last 5 of 5 events, oldest first:
	// 		rc.New                     strong=1 weak=1 alive    at rc/testdata/traced/main.go:16 (main.main)
	// 		rc.(*Rc).Clone             strong=2 weak=1 alive    at rc/testdata/traced/main.go:17 (main.main)
	// 		rc.(*Rc).Drop              strong=1 weak=1 alive    at rc/testdata/traced/main.go:18 (main.main)
	// 		rc.(*Rc).Drop              strong=0 weak=1 dead     at rc/testdata/traced/main.go:19 (main.main)
	// 		rc.(*Rc).Drop              strong=0 weak=0 freed    at rc/testdata/traced/main.go:19 (main.main)
	// arc allocation made at rc/testdata/traced/main.go:36 (main.loseAClone) was never freed: an Arc or Weak was lost without Drop, or a cycle of strong handles was dropped
	// 	the allocation was made by arc.New at rc/testdata/traced/main.go:36 (main.loseAClone)
	// 	its last 3 of 3 events, oldest first:
	// 		arc.New                    strong=1 weak=1 alive    at rc/testdata/traced/main.go:36 (main.loseAClone)
	// 		arc.(*Arc).Clone           strong=2 weak=1 alive    at rc/testdata/traced/main.go:37 (main.loseAClone)
	// 		arc.(*Arc).Drop            strong=1 weak=1 alive    at rc/testdata/traced/main.go:38 (main.loseAClone)
}
