package course

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestVerifyShippedTestsAPristineCopyNotTheLearnersFiles(t *testing.T) {
	a := fakeArchive(t)
	var mu sync.Mutex
	var dirs, stubs []string
	var mod string
	fake := &fakeGo{answer: shipped}
	run := func(dir string, args []string, out io.Writer) (bool, error) {
		stub, _ := os.ReadFile(filepath.Join(dir, args[len(args)-1], "exercise.go"))
		raw, _ := os.ReadFile(filepath.Join(dir, "go.mod"))
		mu.Lock()
		dirs, stubs, mod = append(dirs, dir), append(stubs, string(stub)), string(raw)
		mu.Unlock()
		return fake.run(dir, args, out)
	}
	var out bytes.Buffer
	verdicts, err := VerifyShipped(a, Library{Dir: "/src/rcbook"}, run, RunGo, &out)
	require.NoError(t, err)
	assert.Len(t, verdicts, 2)
	assert.Len(t, fake.runs(), 4, "every stub and every solution")
	for _, stub := range stubs {
		assert.Contains(t, []string{string(a.Files["01-double/exercise.go"]), string(a.Files["02-broken/exercise.go"])}, stub,
			"go test runs on the stubs as shipped, in the copy")
	}
	assert.Contains(t, mod, "replace github.com/rcbook/rcbook => /src/rcbook", "the copy takes the library from lib")
	assert.True(t, strings.HasPrefix(out.String(), "Verifying the course this rcbook ships (2 exercises) against "+
		"github.com/rcbook/rcbook from the checkout at /src/rcbook (a replace directive), in a temporary copy\n"), out.String())
	assert.NoDirExists(t, dirs[0], "the copy is removed afterwards")
}

func TestVerifyShippedWithTheRealGoCommand(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go test on the fake course")
	}
	var out bytes.Buffer
	_, err := VerifyShipped(fakeArchive(t), Library{Dir: t.TempDir()}, GoTest, RunGo, &out)
	assert.EqualError(t, err, "1 of 2 exercises broken: 02-broken", "02-broken's stub does not compile, as shipped")
	assert.Contains(t, out.String(), "01-double: ok (the stub fails as shipped, the solution passes)")
}

func TestDiffNamesWhatChanged(t *testing.T) {
	a := &Archive{Comment: "a", Files: map[string][]byte{"same": []byte("x"), "changed": []byte("1"), "gone": nil}}
	b := &Archive{Comment: "b", Files: map[string][]byte{"same": []byte("x"), "changed": []byte("2"), "new": nil}}
	assert.Equal(t, []string{"changed", "gone", "new"}, Diff(a, b))
	assert.Empty(t, Diff(a, a), "an archive does not differ from itself")
}
