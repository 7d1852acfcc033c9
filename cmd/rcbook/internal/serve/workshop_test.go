package serve

import (
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The workshop kit's plans are arithmetic on the exercises' own time
// estimates; these tests keep both true as either changes.

// table returns the rows of the first markdown table after heading in md,
// each row its cells, trimmed, without the header and separator rows.
func table(t *testing.T, md, heading string) [][]string {
	t.Helper()
	_, rest, ok := strings.Cut(md, "\n"+heading+"\n")
	require.True(t, ok, "docs/workshop.md has a section %q", heading)
	var rows [][]string
	inTable := false
	for _, line := range strings.Split(rest, "\n") {
		if !strings.HasPrefix(line, "|") {
			if inTable {
				break
			}
			continue
		}
		inTable = true
		cells := strings.Split(strings.Trim(line, "|"), "|")
		for i := range cells {
			cells[i] = strings.TrimSpace(cells[i])
		}
		rows = append(rows, cells)
	}
	require.Greater(t, len(rows), 2, "section %q has a table with rows", heading)
	return rows[2:]
}

// readmeTimes returns each exercise's "Time:" line by its two-digit number.
func readmeTimes(t *testing.T) map[string]string {
	b, err := loadBook()
	require.NoError(t, err)
	times := map[string]string{}
	for _, p := range b.Exercises {
		times[p.Number] = p.Time
	}
	return times
}

func workshop(t *testing.T) string {
	a, err := shippedBook()
	require.NoError(t, err)
	md, ok := a.Files["docs/workshop.md"]
	require.True(t, ok, "the workshop kit is part of the book")
	return string(md)
}

func TestWorkshopExerciseTimesAreTheReadmes(t *testing.T) {
	times := readmeTimes(t)
	rows := table(t, workshop(t), "## The exercises, and how long each takes")
	seen := map[string]bool{}
	for _, row := range rows {
		require.Len(t, row, 3, "exercise | after chapter | time: %v", row)
		number := strings.TrimPrefix(row[0], "[")[:2]
		seen[number] = true
		assert.Equal(t, times[number], row[2], "exercise %s's time is its README's", number)
	}
	for number := range times {
		assert.True(t, seen[number], "exercise %s is in the workshop's table", number)
	}
}

var (
	slot     = regexp.MustCompile(`^(\d):(\d\d)–(\d):(\d\d)$`)
	minutes  = regexp.MustCompile(`^(\d+) min$`)
	handsOn  = regexp.MustCompile(`^exercises? ([0-9, and]+), (\d+) min$`)
	exNumber = regexp.MustCompile(`\d\d`)
	about    = regexp.MustCompile(`^about (\d+) minutes`)
)

func TestThreeHourPlanAddsUp(t *testing.T) {
	times := readmeTimes(t)
	rows := table(t, workshop(t), "## Three-hour plan")
	at := 0
	for _, row := range rows {
		require.Len(t, row, 6, "time | topic | chapters | demo | talk | hands-on: %v", row)
		m := slot.FindStringSubmatch(row[0])
		require.NotNil(t, m, "a slot reads H:MM–H:MM: %q", row[0])
		start := atoi(m[1])*60 + atoi(m[2])
		end := atoi(m[3])*60 + atoi(m[4])
		assert.Equal(t, at, start, "slot %s starts where the one before it ended", row[0])
		at = end
		talk := minutes.FindStringSubmatch(row[4])
		require.NotNil(t, talk, "slot %s gives its talk as N min: %q", row[0], row[4])
		work := 0
		if !strings.HasPrefix(row[5], "none") {
			h := handsOn.FindStringSubmatch(row[5])
			require.NotNil(t, h, "slot %s names its exercises and their minutes: %q", row[0], row[5])
			work = atoi(h[2])
			sum := 0
			for _, n := range exNumber.FindAllString(h[1], -1) {
				est := about.FindStringSubmatch(times[n])
				require.NotNil(t, est, "exercise %s has an estimate in minutes (%q)", n, times[n])
				sum += atoi(est[1])
			}
			assert.Equal(t, sum, work, "slot %s: the hands-on minutes are its exercises' estimates added up", row[0])
		}
		assert.Equal(t, end-start, atoi(talk[1])+work, "slot %s: talk and hands-on fill it exactly", row[0])
	}
	assert.Equal(t, 180, at, "the three-hour plan ends at 3:00")
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}
