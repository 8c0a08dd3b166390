package cards

import (
	"strings"
	"unicode"
)

// Line breaking for Chinese and English with the font's own advance
// widths. A line may break at a space, or between two wide (CJK)
// characters, except:
//   - before closing punctuation (，。、：；！？）》」 …): it stays at the end
//     of the line before, as Chinese typesetting requires;
//   - after opening punctuation (（《「 …): it goes to the next line with the
//     character it opens;
//   - inside a number and the measure word after it (16个, 54号).

// noStart are the characters a line may not start with.
var noStart = set("，。、：；！？）》〕」』】〉〗〙〛”’…‥·・ー々%,.;:!?)]}" +
	"\uff09\uff3d\uff5d\uff05\uff0c\uff0e\uff1a\uff1b\uff01\uff1f\u2014\u2013\u30fb")

// noEnd are the characters a line may not end with.
var noEnd = set("（《〔「『【〈〖〘〚“‘([{\uff08\uff3b\uff5b")

func set(s string) map[rune]bool {
	m := map[rune]bool{}
	for _, r := range s {
		m[r] = true
	}
	return m
}

// wide says whether a line may break before or after r: Han, kana, CJK
// punctuation and the full-width forms.
func wide(r rune) bool {
	return r >= 0x2e80 && r <= 0x9fff || r >= 0xf900 && r <= 0xfaff || r >= 0xfe30 && r <= 0xfe4f ||
		r >= 0xff00 && r <= 0xffef || r >= 0x20000 && r <= 0x3ffff
}

// atom is a piece of text no line breaks inside; space marks a break
// opportunity that takes a space's width when the line goes on.
type atom struct {
	s     string
	space bool
}

// atoms splits text into the pieces a line can break between.
func atoms(text string) []atom {
	var out []atom
	var cur []rune
	glue := false // cur ends with an opening mark: the next character joins it
	flush := func() {
		if len(cur) > 0 {
			out = append(out, atom{s: string(cur)})
		}
		cur = cur[:0]
		glue = false
	}
	for _, r := range strings.Join(strings.Fields(text), " ") {
		switch {
		case r == ' ':
			flush()
			out = append(out, atom{s: " ", space: true})
		case noStart[r]:
			switch {
			case len(cur) > 0:
				cur = append(cur, r)
			case len(out) > 0 && !out[len(out)-1].space:
				out[len(out)-1].s += string(r)
			case len(out) > 1 && out[len(out)-1].space:
				// "word ·": the mark stays with the word before it.
				out = out[:len(out)-1]
				out[len(out)-1].s += " " + string(r)
			default:
				cur = append(cur, r)
			}
		case noEnd[r]:
			if !glue {
				flush()
			}
			cur = append(cur, r)
			glue = true
		case wide(r):
			// A number keeps the character after it (16个, 54号).
			if glue || len(cur) > 0 && unicode.IsDigit(cur[len(cur)-1]) {
				cur = append(cur, r)
				flush()
			} else {
				flush()
				out = append(out, atom{s: string(r)})
			}
		default:
			cur = append(cur, r)
			glue = false
		}
	}
	flush()
	return out
}

// mayBreak says whether a line may break between a and b.
func mayBreak(a, b rune) bool {
	return !noStart[b] && !noEnd[a] && !(unicode.IsDigit(a) && wide(b))
}

// measure gives the width of a string in pixels.
type measure func(string) float64

// keepWhole stands each of keep (a document number, say) in text for one
// private-use character, which the rules treat as a letter of a word, so
// that no line breaks inside it; w measures, and back restores, the
// texts that hold such characters.
func keepWhole(text string, keep []string, m measure) (string, measure, func(string) string) {
	var pairs []string
	for i, k := range keep {
		if k == "" || i > 0x18ff {
			continue
		}
		if strings.Contains(text, k) {
			ph := string(rune(0xe000 + i))
			text = strings.ReplaceAll(text, k, ph)
			pairs = append(pairs, ph, k)
		}
	}
	if len(pairs) == 0 {
		return text, m, func(s string) string { return s }
	}
	r := strings.NewReplacer(pairs...)
	return text, func(s string) float64 { return m(r.Replace(s)) }, r.Replace
}

// wrapKeep is wrap with the strings of keep never broken.
func wrapKeep(text string, keep []string, m measure, width float64) wrapped {
	t, wm, back := keepWhole(text, keep, m)
	out := wrap(t, wm, width)
	for i, l := range out.lines {
		out.lines[i] = back(l)
	}
	return out
}

// wrapped is text broken into lines; broken says a word had to be cut
// because it alone is wider than the line.
type wrapped struct {
	lines  []string
	broken bool
}

// wrap breaks text into lines no wider than width.
func wrap(text string, w measure, width float64) wrapped {
	var out wrapped
	var line strings.Builder
	lineW := 0.0
	space := false
	spaceW := w(" ")
	push := func() {
		if line.Len() > 0 {
			out.lines = append(out.lines, line.String())
		}
		line.Reset()
		lineW = 0
		space = false
	}
	for _, a := range atoms(text) {
		if a.space {
			if line.Len() > 0 {
				space = true
			}
			continue
		}
		aw := w(a.s)
		gap := 0.0
		if space {
			gap = spaceW
		}
		if line.Len() > 0 && lineW+gap+aw <= width {
			if space {
				line.WriteByte(' ')
			}
			line.WriteString(a.s)
			lineW += gap + aw
			space = false
			continue
		}
		push()
		if aw <= width {
			line.WriteString(a.s)
			lineW = aw
			continue
		}
		// A word wider than the line: cut it where it overflows, but never
		// where the rules above forbid a break.
		out.broken = true
		prev := rune(0)
		for _, r := range a.s {
			cw := w(string(r))
			if line.Len() > 0 && lineW+cw > width && mayBreak(prev, r) {
				push()
			}
			line.WriteRune(r)
			lineW += cw
			prev = r
		}
	}
	push()
	return out
}

// shorten keeps at most max lines, ending the last with … when text was
// cut.
func shorten(lines []string, max int, w measure, width float64) []string {
	if len(lines) <= max {
		return lines
	}
	out := append([]string(nil), lines[:max]...)
	last := []rune(out[max-1])
	for len(last) > 0 && w(string(last)+"…") > width {
		last = last[:len(last)-1]
	}
	out[max-1] = strings.TrimRight(string(last), " \t,，、;；:：·") + "…"
	return out
}

// balance narrows the measure as far as the text keeps its number of
// lines, so that the lines come out about even (no lone last character).
func balance(text string, w measure, width float64) wrapped {
	want := wrap(text, w, width)
	if len(want.lines) < 2 {
		return want
	}
	lo, hi := width/float64(len(want.lines)), width
	for hi-lo > 1 {
		mid := (lo + hi) / 2
		got := wrap(text, w, mid)
		if len(got.lines) <= len(want.lines) && got.broken == want.broken {
			hi = mid
		} else {
			lo = mid
		}
	}
	return wrap(text, w, hi)
}
