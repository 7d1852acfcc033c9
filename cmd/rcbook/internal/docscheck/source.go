package docscheck

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strings"
)

// Declaration returns the source of the named declaration in the Go file at
// path, with its doc comment, exactly as written. An empty name means the
// whole file. A method is named Type.Method; a const, var or type inside a
// group is returned as the whole group.
func Declaration(path, name string) (string, error) {
	src, err := os.ReadFile(path)
	if err != nil {
		return "", fmt.Errorf("code marker: %w", err)
	}
	if name == "" {
		return strings.TrimRight(string(src), "\n"), nil
	}
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, path, src, parser.ParseComments)
	if err != nil {
		return "", fmt.Errorf("code marker: %w", err)
	}
	for _, d := range file.Decls {
		if declName(d, name) {
			start := d.Pos()
			if doc := docOf(d); doc != nil {
				start = doc.Pos()
			}
			return string(src[fset.Position(start).Offset:fset.Position(d.End()).Offset]), nil
		}
	}
	return "", fmt.Errorf("code marker: no declaration %s in %s", name, path)
}

func docOf(d ast.Decl) *ast.CommentGroup {
	switch d := d.(type) {
	case *ast.FuncDecl:
		return d.Doc
	case *ast.GenDecl:
		return d.Doc
	}
	return nil
}

func declName(d ast.Decl, name string) bool {
	switch d := d.(type) {
	case *ast.FuncDecl:
		if d.Recv == nil || len(d.Recv.List) == 0 {
			return d.Name.Name == name
		}
		return receiver(d.Recv.List[0].Type)+"."+d.Name.Name == name
	case *ast.GenDecl:
		for _, s := range d.Specs {
			switch s := s.(type) {
			case *ast.TypeSpec:
				if s.Name.Name == name {
					return true
				}
			case *ast.ValueSpec:
				for _, n := range s.Names {
					if n.Name == name {
						return true
					}
				}
			}
		}
	}
	return false
}

// receiver names a method's receiver type without pointer or type
// parameters: *Box[T] is Box.
func receiver(e ast.Expr) string {
	switch e := e.(type) {
	case *ast.StarExpr:
		return receiver(e.X)
	case *ast.IndexExpr:
		return receiver(e.X)
	case *ast.IndexListExpr:
		return receiver(e.X)
	case *ast.Ident:
		return e.Name
	}
	return ""
}

// ExampleOutput returns the // Output: text of the named Example function
// in the _test.go files of the package directory dir.
func ExampleOutput(dir, name string) (string, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*_test.go"))
	if err != nil {
		return "", err
	}
	fset := token.NewFileSet()
	for _, path := range files {
		file, err := parser.ParseFile(fset, path, nil, parser.ParseComments)
		if err != nil {
			return "", fmt.Errorf("output marker: %w", err)
		}
		for _, d := range file.Decls {
			fn, ok := d.(*ast.FuncDecl)
			if !ok || fn.Recv != nil || fn.Name.Name != name {
				continue
			}
			for _, cg := range file.Comments {
				if cg.Pos() < fn.Body.Lbrace || cg.End() > fn.Body.Rbrace {
					continue
				}
				text := cg.Text()
				if rest, ok := strings.CutPrefix(text, "Output:"); ok {
					rest = strings.TrimPrefix(rest, " ") // "// Output: text" on one line
					return strings.Trim(rest, "\n"), nil
				}
			}
			return "", fmt.Errorf("output marker: %s in %s has no // Output: comment", name, dir)
		}
	}
	return "", fmt.Errorf("output marker: no Example %s in %s", name, dir)
}
