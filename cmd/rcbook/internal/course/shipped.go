package course

import (
	_ "embed"
	"fmt"
	"sync"
)

//go:generate go run gen_shipped.go ../../../../exercises shipped.txtar

// shippedText is the course this rcbook ships: exercises/ packed by
// gen_shipped.go. A test fails when it no longer matches exercises/.
//
//go:embed shipped.txtar
var shippedText []byte

// ShippedComment heads the embedded archive, so that whoever opens the file
// knows where it comes from.
const ShippedComment = `The course as rcbook ships it: exercises/ packed by
go generate ./cmd/rcbook/internal/course (gen_shipped.go). rcbook init writes
it into a learner's folder and rcbook exercises verify tests it. Do not edit:
change exercises/ and run go generate again; a test fails until you do.
`

var shippedArchive = sync.OnceValues(func() (*Archive, error) {
	a, err := ParseArchive(shippedText)
	if err != nil {
		return nil, fmt.Errorf("the course embedded in rcbook is damaged: %w", err)
	}
	return a, nil
})

// Shipped returns the course embedded in this rcbook: every file of
// exercises/ as it was when rcbook was built, solutions included. The
// archive is shared; callers must not change it. The error is only for an
// embedded archive that cannot be read, which a test rules out.
func Shipped() (*Archive, error) { return shippedArchive() }
