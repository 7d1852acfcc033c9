package main

import (
	"bytes"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// runLine runs an rcbook command line and returns what it printed and the
// status it would exit with.
func runLine(t *testing.T, line string) (string, int) {
	t.Helper()
	var out bytes.Buffer
	err := run(strings.Fields(line), &out)
	if err != nil {
		out.WriteString("error: " + err.Error())
	}
	return out.String(), exitCode(err)
}

func TestAskingForHelpPrintsEveryCommandAndSucceeds(t *testing.T) {
	for _, line := range []string{"", "help", "-h", "--help"} {
		out, code := runLine(t, line)
		assert.Equal(t, 0, code, "`rcbook %s` asks for help, which is no error", line)
		for _, c := range commands(nil) {
			assert.Contains(t, out, "  "+c.name, "`rcbook %s` lists %s", line, c.name)
			assert.Contains(t, out, c.short, "`rcbook %s` describes %s in a line", line, c.name)
		}
	}
}

func TestHelpOfOneCommandShowsItsUsage(t *testing.T) {
	out, code := runLine(t, "help lab mutants")
	assert.Equal(t, 0, code)
	assert.True(t, strings.HasPrefix(out, "usage: rcbook lab mutants [-checks N]"), out)
	out, code = runLine(t, "help lab")
	assert.Equal(t, 0, code)
	assert.Contains(t, out, "explore", "a group's help lists its subcommands")
	out, code = runLine(t, "play -h")
	assert.Equal(t, 0, code)
	assert.Contains(t, out, "usage: rcbook play [-echo]")
	out, code = runLine(t, "help exercises")
	assert.Equal(t, 0, code)
	for _, c := range exerciseCommands {
		assert.Contains(t, out, c.short, "exercises' help lists %s from the same table that dispatches it", c.name)
	}
}

func TestAnUnknownCommandIsAUsageErrorWithASuggestion(t *testing.T) {
	out, code := runLine(t, "nosuch")
	assert.Equal(t, 2, code, "a command line rcbook cannot run exits 2, like the go command's usage errors")
	assert.Contains(t, out, `unknown command "nosuch"`)
	assert.NotContains(t, out, "did you mean", "nothing is close to nosuch")

	out, code = runLine(t, "plya")
	assert.Equal(t, 2, code)
	assert.Contains(t, out, `did you mean "play"?`, "a typo of two letters swapped gets a suggestion")

	out, code = runLine(t, "lab mutnts")
	assert.Equal(t, 2, code)
	assert.Contains(t, out, `lab: unknown command "mutnts"; did you mean "mutants"?`)

	out, code = runLine(t, "help nosuch")
	assert.Equal(t, 2, code, "help about an unknown command is the same usage error")
	assert.Contains(t, out, `unknown command "nosuch"`)
}

func TestVersionPrintsTheModuleVersion(t *testing.T) {
	out, code := runLine(t, "version")
	require.Equal(t, 0, code)
	assert.Regexp(t, `^rcbook \S+.* \(go1\.\d+`, out, "the module's version, or (devel), and the Go it was built with")
}

func TestNearestAcceptsTyposAndPrefixesOnly(t *testing.T) {
	cmds := []*command{{name: "exercises"}, {name: "play"}, {name: "version"}}
	assert.Equal(t, "exercises", nearest(cmds, "exercise"))
	assert.Equal(t, "exercises", nearest(cmds, "ex"), "a prefix names the command it starts")
	assert.Equal(t, "version", nearest(cmds, "versoin"))
	assert.Equal(t, "", nearest(cmds, "zzz"))
}

func TestLabRustRefusesABadFamilyOrLengthBeforeBuildingAnything(t *testing.T) {
	out, code := runLine(t, "lab rust -family rc,swift")
	assert.Equal(t, 2, code, "an unknown family is a usage error")
	assert.Contains(t, out, `unknown family "swift"`)
	out, code = runLine(t, "lab rust -length 0")
	assert.Equal(t, 2, code, "a random sequence has at least one step")
	assert.Contains(t, out, "-length must be at least 1")
}
