package properties

import (
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"

	"github.com/rcbook/rcbook/invariants/model"
)

// TestFuzzRegressionAllActionsSkipped replays the fuzzer's input in
// testdata/fuzz/FuzzModel/regression-all-actions-skipped (go test also runs
// it as part of FuzzModel's corpus). It chooses "drop" over and over while
// no strong handle exists; the harness used to skip each of those actions,
// and rapid gave up on the run with "can't find a valid (non-skipped)
// action". Now an action that needs a handle makes one instead.
func TestFuzzRegressionAllActionsSkipped(t *testing.T) {
	raw, err := os.ReadFile("testdata/fuzz/FuzzModel/regression-all-actions-skipped")
	require.NoError(t, err)
	lines := strings.Split(strings.TrimSpace(string(raw)), "\n")
	require.Equal(t, "go test fuzz v1", lines[0])
	quoted := strings.TrimSuffix(strings.TrimPrefix(lines[1], "[]byte("), ")")
	input, err := strconv.Unquote(quoted)
	require.NoError(t, err)
	rapid.MakeFuzz(model.Machine(Impl{}))(t, []byte(input))
}
