package main

import (
	"fmt"
	"math"
	"strings"
)

// The plot has two panels: on the left, each pair's time as a multiple of
// Rust's, checked and release, with the rounds' spread as a whisker; on the
// right, Clone+Drop's time as the number of live allocations grows, for the
// three builds. It is plain SVG, written here, so that it needs no tool.

const (
	plotW, plotH = 960, 420
	leftX        = 230 // where the bars start (labels to their left)
	leftW        = 330 // the bars' full width
	rightX       = 650 // the line chart's origin
	rightW       = 270
	topY         = 60
	bottomY      = 360
)

var colors = map[string]string{rust: "#b7410e", checked: "#1f5fa8", release: "#5fa83a"}

func plot(res *results) string {
	var b strings.Builder
	w := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }
	w(`<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d" font-family="sans-serif" font-size="12">`+"\n",
		plotW, plotH, plotW, plotH)
	w(`<rect width="100%%" height="100%%" fill="white"/>` + "\n")
	ratioBars(w, res)
	liveLines(w, res)
	legend(w)
	w("</svg>\n")
	return b.String()
}

// ratioBars draws the left panel.
func ratioBars(w func(string, ...any), res *results) {
	type bar struct {
		build string
		s     stat
	}
	var rows [][]bar
	top := 2.0
	for _, p := range rustPairs {
		var row []bar
		for _, build := range []string{checked, release} {
			s := res.ratio(ref{build, p.goName, p.goUnit}, ref{rust, p.rustName, "ns/op"})
			row = append(row, bar{build, s})
			if s.ok() {
				top = math.Max(top, s.high)
			}
		}
		rows = append(rows, row)
	}
	top = math.Ceil(top)
	x := func(r float64) float64 { return leftX + r/top*leftW }
	w(`<text x="%d" y="24" font-size="15" font-weight="bold">Time as a multiple of Rust's std (median of rounds, whisker: spread)</text>`+"\n", 10)
	for t := 0.0; t <= top; t++ {
		w(`<line x1="%.1f" y1="%d" x2="%.1f" y2="%d" stroke="#ddd"/>`+"\n", x(t), topY-10, x(t), bottomY)
		w(`<text x="%.1f" y="%d" text-anchor="middle" fill="#555">%g×</text>`+"\n", x(t), bottomY+16, t)
	}
	w(`<line x1="%.1f" y1="%d" x2="%.1f" y2="%d" stroke="%s" stroke-width="2"/>`+"\n", x(1), topY-10, x(1), bottomY, colors[rust])
	rowH := float64(bottomY-topY) / float64(len(rows))
	for i, row := range rows {
		y0 := float64(topY) + float64(i)*rowH
		w(`<text x="%d" y="%.1f" text-anchor="end">%s</text>`+"\n", leftX-8, y0+rowH/2+4, escape(rustPairs[i].short))
		for j, br := range row {
			if !br.s.ok() {
				continue
			}
			y := y0 + 4 + float64(j)*(rowH-8)/2
			h := (rowH-8)/2 - 2
			w(`<rect x="%d" y="%.1f" width="%.1f" height="%.1f" fill="%s"/>`+"\n", leftX, y, x(br.s.median)-leftX, h, colors[br.build])
			w(`<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="black"/>`+"\n", x(br.s.low), y+h/2, x(br.s.high), y+h/2)
			w(`<text x="%.1f" y="%.1f" font-size="10">%.2f×</text>`+"\n", x(br.s.high)+4, y+h/2+3, br.s.median)
		}
	}
}

// liveLines draws the right panel, ns per Clone+Drop against live
// allocations on a logarithmic axis.
func liveLines(w func(string, ...any), res *results) {
	series := map[string][]stat{}
	top := 1.0
	for _, build := range []string{rust, checked, release} {
		for _, n := range liveCounts {
			name := fmt.Sprintf("CloneDropLive/n=%d", n)
			if build == rust {
				name = fmt.Sprintf("clone_drop_live/n=%d", n)
			}
			s := res.value(build, name, "ns/op")
			series[build] = append(series[build], s)
			if s.ok() {
				top = math.Max(top, s.median)
			}
		}
	}
	top = niceCeil(top)
	// Each n sits at log10(n), so a decade takes the same width everywhere.
	span := math.Log10(float64(liveCounts[len(liveCounts)-1]) / float64(liveCounts[0]))
	x := func(i int) float64 {
		return rightX + math.Log10(float64(liveCounts[i])/float64(liveCounts[0]))/span*rightW
	}
	y := func(v float64) float64 { return bottomY - v/top*float64(bottomY-topY) }
	w(`<text x="%d" y="%d" font-size="13" font-weight="bold">Clone+Drop, ns, over n live allocations</text>`+"\n", rightX-40, topY-24)
	for _, t := range []float64{0, top / 4, top / 2, 3 * top / 4, top} {
		w(`<line x1="%d" y1="%.1f" x2="%d" y2="%.1f" stroke="#ddd"/>`+"\n", rightX, y(t), rightX+rightW, y(t))
		w(`<text x="%d" y="%.1f" text-anchor="end" fill="#555">%s</text>`+"\n", rightX-6, y(t)+4, sig3(t))
	}
	for i, n := range liveCounts {
		w(`<text x="%.1f" y="%d" text-anchor="middle" fill="#555">%s</text>`+"\n", x(i), bottomY+16, thousands(n))
	}
	w(`<text x="%d" y="%d" text-anchor="middle" fill="#555">n (logarithmic)</text>`+"\n", rightX+rightW/2, bottomY+34)
	for _, build := range []string{rust, checked, release} {
		var pts []string
		for i, s := range series[build] {
			if s.ok() {
				pts = append(pts, fmt.Sprintf("%.1f,%.1f", x(i), y(s.median)))
				w(`<circle cx="%.1f" cy="%.1f" r="3" fill="%s"/>`+"\n", x(i), y(s.median), colors[build])
			}
		}
		w(`<polyline points="%s" fill="none" stroke="%s" stroke-width="2"/>`+"\n", strings.Join(pts, " "), colors[build])
	}
}

func legend(w func(string, ...any)) {
	names := map[string]string{rust: "Rust std (rustc -O)", checked: "rcbook, checked", release: "rcbook, -tags rcrelease"}
	x := 10
	for _, build := range []string{rust, checked, release} {
		w(`<rect x="%d" y="%d" width="12" height="12" fill="%s"/>`+"\n", x, plotH-22, colors[build])
		w(`<text x="%d" y="%d">%s</text>`+"\n", x+16, plotH-12, names[build])
		x += 200
	}
}

// niceCeil rounds x up to 1, 2 or 5 times a power of ten.
func niceCeil(x float64) float64 {
	p := math.Pow(10, math.Floor(math.Log10(x)))
	for _, m := range []float64{1, 2, 5, 10} {
		if m*p >= x {
			return m * p
		}
	}
	return 10 * p
}

func escape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace(s)
}
