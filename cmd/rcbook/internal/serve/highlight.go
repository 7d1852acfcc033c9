package serve

import (
	"html"
	"strings"
)

// The book's code blocks are highlighted here rather than with chroma: the
// book has five kinds of block (go, rust, diff, sh, output/text), and chroma
// with its lexers would add about 5 MB to rcbook for them. A block is
// marked up with a few classes that style.css colours: k (keyword),
// s (string), c (comment), n (number), and for a diff ins, del and hunk.

// keywords are the words highlighted as keywords in each C-like language.
var keywords = map[string]map[string]bool{
	"go": words(`break case chan const continue default defer else fallthrough for func go goto
		if import interface map package range return select struct switch type var
		nil true false iota any`),
	"rust": words(`as break const continue crate else enum extern false fn for if impl in let
		loop match mod move mut pub ref return self Self static struct super trait true type
		unsafe use where while dyn`),
}

func words(list string) map[string]bool {
	set := map[string]bool{}
	for _, w := range strings.Fields(list) {
		set[w] = true
	}
	return set
}

// highlight returns code as HTML, marked up for lang.
func highlight(lang, code string) string {
	switch lang {
	case "go", "rust":
		return highlightC(keywords[lang], lang == "rust", code)
	case "diff":
		return highlightDiff(code)
	case "sh":
		return highlightShell(code)
	}
	return html.EscapeString(code)
}

// highlightC marks up Go or Rust: comments, strings, runes, numbers and
// keywords. In Rust a quote that does not close a one-character literal is
// a lifetime ('a), left plain.
func highlightC(kw map[string]bool, rust bool, code string) string {
	var b strings.Builder
	span := func(class, text string) {
		b.WriteString(`<span class="` + class + `">` + html.EscapeString(text) + `</span>`)
	}
	for i := 0; i < len(code); {
		c, rest := code[i], code[i:]
		switch {
		case strings.HasPrefix(rest, "//"):
			end := lineEnd(rest)
			span("c", rest[:end])
			i += end
		case strings.HasPrefix(rest, "/*"):
			end := strings.Index(rest[2:], "*/")
			if end < 0 {
				end = len(rest) - 4
			}
			span("c", rest[:end+4])
			i += end + 4
		case c == '"' || c == '`':
			end := quoted(rest, c)
			span("s", rest[:end])
			i += end
		case c == '\'' && (!rust || isCharLiteral(rest)):
			end := quoted(rest, c)
			span("s", rest[:end])
			i += end
		case isDigit(c):
			end := 1
			for end < len(rest) && (isWordByte(rest[end]) || rest[end] == '.' && end+1 < len(rest) && isDigit(rest[end+1])) {
				end++
			}
			span("n", rest[:end])
			i += end
		case isWordByte(c):
			end := 1
			for end < len(rest) && isWordByte(rest[end]) {
				end++
			}
			if kw[rest[:end]] {
				span("k", rest[:end])
			} else {
				b.WriteString(html.EscapeString(rest[:end]))
			}
			i += end
		default:
			b.WriteString(html.EscapeString(rest[:1]))
			i++
		}
	}
	return b.String()
}

// quoted returns the length of the literal that opens rest with quote q,
// up to and including its closing quote (or the line's end). A backquoted
// string is raw: no escapes, and it may span lines.
func quoted(rest string, q byte) int {
	for i := 1; i < len(rest); i++ {
		switch {
		case rest[i] == '\\' && q != '`':
			i++
		case rest[i] == q:
			return i + 1
		case rest[i] == '\n' && q != '`':
			return i
		}
	}
	return len(rest)
}

// isCharLiteral reports whether a Rust quote opens a character literal
// ('x', '\n') rather than a lifetime ('a).
func isCharLiteral(rest string) bool {
	return strings.HasPrefix(rest, `'\`) || (len(rest) >= 3 && rest[2] == '\'')
}

func lineEnd(s string) int {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return i
	}
	return len(s)
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }
func isWordByte(c byte) bool {
	return c == '_' || isDigit(c) || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}

// highlightDiff marks each added, removed and hunk line of a diff.
func highlightDiff(code string) string {
	var b strings.Builder
	for _, line := range strings.SplitAfter(code, "\n") {
		class := ""
		switch {
		case strings.HasPrefix(line, "+++"), strings.HasPrefix(line, "---"):
			class = "hunk"
		case strings.HasPrefix(line, "+"):
			class = "ins"
		case strings.HasPrefix(line, "-"):
			class = "del"
		case strings.HasPrefix(line, "@@"):
			class = "hunk"
		}
		if class == "" {
			b.WriteString(html.EscapeString(line))
			continue
		}
		b.WriteString(`<span class="` + class + `">` + html.EscapeString(line) + `</span>`)
	}
	return b.String()
}

// highlightShell marks the comments of a shell block.
func highlightShell(code string) string {
	var b strings.Builder
	for _, line := range strings.SplitAfter(code, "\n") {
		cmd, comment, found := strings.Cut(line, "#")
		if !found || (cmd != "" && !strings.HasSuffix(cmd, " ")) {
			b.WriteString(html.EscapeString(line))
			continue
		}
		b.WriteString(html.EscapeString(cmd) + `<span class="c">` + html.EscapeString("#"+comment) + `</span>`)
	}
	return b.String()
}
