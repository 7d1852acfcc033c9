package serve

import (
	"bytes"
	"html"
	"net/url"
	"path"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	gmhtml "github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// repository is where /code/ sends a reader when this machine has no copy
// of the file: the file on GitHub, the one place that needs the network.
const repository = "https://github.com/rcbook/rcbook/blob/main/"

// markdown turns the book's pages into HTML: CommonMark with GitHub's
// tables, the raw HTML the book writes (<details> answers, the <!-- code -->
// markers), an id on every heading, the code highlighted by highlight, and
// each relative link pointed at the page that shows its target.
var markdown = goldmark.New(
	goldmark.WithExtensions(extension.GFM),
	goldmark.WithParserOptions(
		parser.WithAutoHeadingID(),
		parser.WithASTTransformers(util.Prioritized(linkRewriter{}, 100)),
	),
	goldmark.WithRendererOptions(
		gmhtml.WithUnsafe(),
		renderer.WithNodeRenderers(util.Prioritized(codeRenderer{}, 100)),
	),
)

// pageKey holds, in the parser's context, the repository path of the page
// being rendered, which its relative links are relative to.
var pageKey = parser.NewContextKey()

// render returns the HTML of the markdown file at repository path from.
func render(from string, source []byte) (string, error) {
	ctx := parser.NewContext()
	ctx.Set(pageKey, from)
	var b bytes.Buffer
	err := markdown.Convert(source, &b, parser.WithContext(ctx))
	return b.String(), err
}

// linkRewriter points each relative link at the server's page for it.
type linkRewriter struct{}

func (linkRewriter) Transform(doc *ast.Document, _ text.Reader, pc parser.Context) {
	from, _ := pc.Get(pageKey).(string)
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if link, ok := n.(*ast.Link); ok && entering {
			link.Destination = []byte(pageFor(from, string(link.Destination)))
		}
		return ast.WalkContinue, nil
	})
}

// pageFor returns where a link written in the file at repository path from
// should go in the served book: a chapter, benchmarks.md, workshop.md or an exercise's
// folder to its page, a play script to the playground, any other file or
// folder of the repository to /code/. Absolute and in-page links are left as
// they are.
func pageFor(from, dest string) string {
	u, err := url.Parse(dest)
	if err != nil || u.Scheme != "" || u.Host != "" || u.Path == "" {
		return dest
	}
	target := path.Join(path.Dir(from), u.Path)
	frag := ""
	if u.Fragment != "" {
		frag = "#" + u.Fragment
	}
	dir, file := path.Split(target)
	switch {
	case strings.HasPrefix(target, "../"):
		return dest
	case dir == "docs/chapters/" && strings.HasSuffix(file, ".md"):
		return "/book/" + strings.TrimSuffix(file, ".md") + frag
	case target == "docs/benchmarks.md" || target == "docs/workshop.md":
		return "/book/" + strings.TrimSuffix(file, ".md") + frag
	case target == "docs/play" || target == "docs/play/scenarios.tsv":
		return "/play"
	case dir == "docs/play/" && strings.HasSuffix(file, ".txt"):
		return "/play?scenario=" + strings.TrimSuffix(file, ".txt")
	case strings.HasPrefix(target, "exercises/") && strings.Count(target, "/") == 1:
		return "/exercises/" + file + frag
	case strings.HasPrefix(target, "exercises/") && file == "README.md" && strings.Count(target, "/") == 2:
		return "/exercises/" + path.Base(dir) + frag
	}
	return "/code/" + target + frag
}

// codeRenderer renders fenced code blocks through highlight.
type codeRenderer struct{}

func (codeRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindFencedCodeBlock, renderCode)
}

func renderCode(w util.BufWriter, source []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	block := n.(*ast.FencedCodeBlock)
	lang := string(block.Language(source))
	var code strings.Builder
	for i := 0; i < block.Lines().Len(); i++ {
		line := block.Lines().At(i)
		code.Write(line.Value(source))
	}
	class := "code"
	if lang != "" {
		class += " lang-" + html.EscapeString(lang)
	}
	w.WriteString(`<pre class="` + class + `"><code>`)
	w.WriteString(highlight(lang, code.String()))
	w.WriteString("</code></pre>\n")
	return ast.WalkSkipChildren, nil
}
