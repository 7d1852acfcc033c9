package interleave

import (
	"fmt"
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"slices"
	"strconv"
	"strings"
)

// schedPath is the scheduler's import path; the shims live beneath it.
const schedPath = "github.com/rcbook/rcbook/lab/sched"

// shims maps each standard package the rewrite replaces to its shim.
var shims = map[string]string{
	"sync/atomic": schedPath + "/atomic",
	"sync":        schedPath + "/sync",
	"runtime":     schedPath + "/runtime",
}

// edit replaces src[from:to] with text.
type edit struct {
	from, to int
	text     string
}

// Rewrite returns the Go file src with every step another goroutine could
// interleave with made a call into the scheduler:
//
//   - the imports of sync/atomic, sync and runtime become the shims', so
//     atomic operations, Lock, Unlock and Gosched yield first;
//   - a receive statement <-ch becomes sched.Recv(ch), and a select whose
//     cases all receive becomes a switch on sched.Select(ch0, ch1, ...);
//   - every use X.f of a field f in guarded becomes
//     (*sched.Guarded(&X.f, "f")), which checks that a lock is held.
//
// Everything else is left as it is, comments included. It fails on a
// select it cannot rewrite (one that sends, or has a default).
func Rewrite(name string, src []byte, guarded []string) ([]byte, error) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, name, src, parser.ParseComments)
	if err != nil {
		return nil, err
	}
	off := func(p token.Pos) int { return fset.Position(p).Offset }
	text := func(n ast.Node) string { return string(src[off(n.Pos()):off(n.End())]) }
	var edits []edit
	for _, imp := range f.Imports {
		path, _ := strconv.Unquote(imp.Path.Value)
		if shim, ok := shims[path]; ok {
			edits = append(edits, edit{off(imp.Path.Pos()), off(imp.Path.End()), strconv.Quote(shim)})
		}
	}
	needSched := false
	var failure error
	ast.Inspect(f, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.SelectStmt:
			var chans []string
			for _, c := range n.Body.List {
				cc := c.(*ast.CommClause)
				es, ok := cc.Comm.(*ast.ExprStmt)
				u, isRecv := unaryRecv(es, ok)
				if !isRecv {
					failure = fmt.Errorf("%s: a select case that is not a plain receive cannot be rewritten", fset.Position(cc.Pos()))
					return false
				}
				chans = append(chans, text(u.X))
				edits = append(edits, edit{off(cc.Case), off(cc.Colon), "case " + strconv.Itoa(len(chans)-1)})
			}
			edits = append(edits, edit{off(n.Select), off(n.Body.Lbrace), "switch sched.Select(" + strings.Join(chans, ", ") + ") "},
				// A select whose cases all end the function ends it; a
				// switch needs a default to say so.
				edit{off(n.Body.Rbrace), off(n.Body.Rbrace), "default:\npanic(\"sched: Select chose no case\")\n"})
			needSched = true
			for _, c := range n.Body.List {
				for _, s := range c.(*ast.CommClause).Body {
					ast.Inspect(s, func(m ast.Node) bool { return visitPlain(m, &edits, &needSched, text, off, guarded) })
				}
			}
			return false
		case *ast.ExprStmt:
			if u, ok := unaryRecv(n, true); ok {
				edits = append(edits, edit{off(u.Pos()), off(u.End()), "sched.Recv(" + text(u.X) + ")"})
				needSched = true
				return false
			}
		}
		return visitPlain(n, &edits, &needSched, text, off, guarded)
	})
	if failure != nil {
		return nil, failure
	}
	if needSched {
		end := off(f.Name.End())
		edits = append(edits, edit{end, end, "\n\nimport sched " + strconv.Quote(schedPath)})
	}
	slices.SortFunc(edits, func(a, b edit) int { return b.from - a.from })
	out := slices.Clone(src)
	for i, e := range edits {
		if i > 0 && e.to > edits[i-1].from {
			return nil, fmt.Errorf("%s: overlapping rewrites at offset %d", name, e.from)
		}
		out = slices.Concat(out[:e.from], []byte(e.text), out[e.to:])
	}
	formatted, err := format.Source(out)
	if err != nil {
		return nil, fmt.Errorf("%s: the rewritten file does not parse: %v\n%s", name, err, out)
	}
	return formatted, nil
}

// visitPlain rewrites the guarded field uses, and keeps walking.
func visitPlain(n ast.Node, edits *[]edit, needSched *bool, text func(ast.Node) string, off func(token.Pos) int, guarded []string) bool {
	sel, ok := n.(*ast.SelectorExpr)
	if !ok || !slices.Contains(guarded, sel.Sel.Name) {
		return true
	}
	*edits = append(*edits, edit{off(sel.Pos()), off(sel.End()),
		"(*sched.Guarded(&" + text(sel) + ", " + strconv.Quote(sel.Sel.Name) + "))"})
	*needSched = true
	return false
}

func unaryRecv(es *ast.ExprStmt, ok bool) (*ast.UnaryExpr, bool) {
	if !ok || es == nil {
		return nil, false
	}
	u, isUnary := es.X.(*ast.UnaryExpr)
	if !isUnary || u.Op != token.ARROW {
		return nil, false
	}
	return u, true
}
