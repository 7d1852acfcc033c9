package course

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
)

// List writes the table of exercises, each done or pending, the current
// one pointed out, and then the progress bar:
//
//	01  A shared resource with a cleanup  done
//	02  Borrowing without owning          pending  <- next
//	[#-] 1/2
func (c *Course) List(w io.Writer, p *Progress) {
	current, more := c.Current(p)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	for _, ex := range c.Exercises {
		state := "pending"
		if p.Done(ex.Slug) {
			state = "done"
		}
		if more && ex.Slug == current.Slug {
			state += "\t<- next"
		}
		fmt.Fprintf(tw, "%02d\t%s\t%s\n", ex.Number, ex.Title, state)
	}
	tw.Flush()
	total := len(c.Exercises)
	fmt.Fprintln(w, Bar(c.Done(p), total, min(total, 30)))
}

// Hints writes hint k of ex (from 1), wrapped to fit a terminal, and how
// to ask for the next one; with k = 0 it writes them all. One at a time is
// the default because the last hints come close to the answer: a learner
// who asks for a nudge should not be shown the solution with it.
func Hints(w io.Writer, ex Exercise, k int) error {
	if k < 0 || k > len(ex.Hints) {
		return fmt.Errorf("exercise %02d has hints 1 to %d, not %d", ex.Number, len(ex.Hints), k)
	}
	if k > 0 {
		fmt.Fprintf(w, "Hint %d of %d for %02d. %s:\n\n", k, len(ex.Hints), ex.Number, ex.Title)
		fmt.Fprint(w, wrap(fmt.Sprintf("%d. ", k), ex.Hints[k-1], 80))
		if k < len(ex.Hints) {
			fmt.Fprintf(w, "\nStill stuck? The next one: rcbook exercises hint %d %d\n", ex.Number, k+1)
		} else {
			fmt.Fprintf(w, "\nThat was the last hint. All of them at once: rcbook exercises hint %d all\n", ex.Number)
		}
		return nil
	}
	fmt.Fprintf(w, "Hints for %02d. %s:\n\n", ex.Number, ex.Title)
	for i, h := range ex.Hints {
		fmt.Fprint(w, wrap(fmt.Sprintf("%d. ", i+1), h, 80))
	}
	return nil
}

// wrap fills text into lines of at most width columns where it can,
// starting with label and indenting the rest under the text.
func wrap(label, text string, width int) string {
	var b strings.Builder
	pad := strings.Repeat(" ", len(label))
	line := "  " + label
	fresh := true // nothing but the label or the indent on the line yet
	for _, word := range strings.Fields(text) {
		if !fresh && len(line)+1+len(word) > width {
			b.WriteString(line + "\n")
			line, fresh = "  "+pad, true
		}
		if !fresh {
			line += " "
		}
		line += word
		fresh = false
	}
	b.WriteString(line + "\n")
	return b.String()
}
