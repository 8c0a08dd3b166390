package cite

import (
	"fmt"
	"strconv"
	"strings"
)

// BibTeX is the work as a biblatex entry (UTF-8): @report for the plan,
// @online for a page or chart. Bodies are braced whole, so that no style
// takes them for a person's names.
func BibTeX(w *Work) []byte {
	typ := "online"
	if w.Type == Report {
		typ = "report"
	}
	var b strings.Builder
	fmt.Fprintf(&b, "@%s{%s-%s,\n", typ, strings.ReplaceAll(w.Key, "_", "-"), w.Lang)
	field := func(name, value string) {
		if value != "" {
			fmt.Fprintf(&b, "  %s = {%s},\n", name, value)
		}
	}
	field("author", "{"+texEscape(w.Author)+"}")
	field("title", "{"+texEscape(w.Title)+"}")
	if w.Type == Report {
		field("institution", texEscape(w.Publisher))
		field("number", texEscape(w.Number))
	} else {
		field("organization", texEscape(w.Publisher))
	}
	if w.Translator != "" {
		field("translator", "{"+texEscape(w.Translator)+"}")
	}
	field("origtitle", texEscape(w.OriginalTitle))
	field("date", w.Issued)
	field("url", urlEscape(w.URL))
	field("language", w.Language())
	field("note", texEscape(w.Note))
	b.WriteString("}\n")
	return []byte(b.String())
}

// texEscape escapes the characters TeX reads as commands.
func texEscape(s string) string {
	return strings.NewReplacer(`\`, `\textbackslash{}`, `{`, `\{`, `}`, `\}`, `%`, `\%`, `&`, `\&`, `$`, `\$`, `#`, `\#`, `_`, `\_`,
		`~`, `\textasciitilde{}`, `^`, `\textasciicircum{}`).Replace(s)
}

// urlEscape keeps a URL as biblatex's verbatim url field reads it: only
// the characters that would end the field or the line are escaped.
func urlEscape(s string) string {
	return strings.NewReplacer(`{`, `%7B`, `}`, `%7D`, `%`, `\%`, "\n", "").Replace(s)
}

// RIS is the work as an RIS record: RPRT for the plan (PB its
// institution, SN its number, as Zotero reads a report), ELEC for a page,
// FIGURE for a chart.
func RIS(w *Work) []byte {
	typ := map[string]string{Report: "RPRT", Webpage: "ELEC", Figure: "FIGURE"}[w.Type]
	var b strings.Builder
	tag := func(t, v string) {
		if v != "" {
			fmt.Fprintf(&b, "%s  - %s\r\n", t, strings.ReplaceAll(v, "\n", " "))
		}
	}
	tag("TY", typ)
	tag("AU", w.Author)
	tag("TI", w.Title)
	tag("T2", w.Container)
	if w.Translator != "" {
		tag("A4", w.Translator) // RIS's translator
	}
	tag("PB", w.Publisher)
	tag("SN", w.Number)
	tag("PY", w.Issued[:4])
	tag("DA", risDate(w.Issued))
	tag("UR", w.URL)
	tag("LA", w.Language())
	tag("N1", w.Note)
	b.WriteString("ER  - \r\n")
	return []byte(b.String())
}

// risDate is YYYY/MM/DD/ (the trailing part empty), or YYYY/// for a year.
func risDate(s string) string {
	parts := strings.Split(s, "-")
	for len(parts) < 3 {
		parts = append(parts, "")
	}
	return strings.Join(parts, "/") + "/"
}

// CSLJSON is the work as a CSL-JSON list of one item, what Zotero,
// Mendeley and pandoc import.
func CSLJSON(w *Work) ([]byte, error) {
	literal := func(s string) []map[string]string {
		if s == "" {
			return nil
		}
		return []map[string]string{{"literal": s}}
	}
	var parts []int
	for _, p := range strings.Split(w.Issued, "-") {
		n, err := strconv.Atoi(p)
		if err != nil {
			return nil, fmt.Errorf("cite: %s: date %q", w.Key, w.Issued)
		}
		parts = append(parts, n)
	}
	item := struct {
		ID            string              `json:"id"`
		Type          string              `json:"type"`
		Title         string              `json:"title"`
		Author        []map[string]string `json:"author,omitempty"`
		Translator    []map[string]string `json:"translator,omitempty"`
		Publisher     string              `json:"publisher,omitempty"`
		Number        string              `json:"number,omitempty"`
		Container     string              `json:"container-title,omitempty"`
		OriginalTitle string              `json:"original-title,omitempty"`
		Issued        map[string][][]int  `json:"issued"`
		URL           string              `json:"URL"`
		Language      string              `json:"language"`
		Note          string              `json:"note,omitempty"`
	}{w.Key + "-" + string(w.Lang), w.Type, w.Title, literal(w.Author), literal(w.Translator), w.Publisher, w.Number, w.Container,
		w.OriginalTitle, map[string][][]int{"date-parts": {parts}}, w.URL, w.Language(), w.Note}
	return marshal([]any{item})
}
