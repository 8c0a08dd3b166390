package pages

import (
	"strconv"
	"strings"
	"testing"

	"github.com/hunan-industry/plan-site/generator/plan"
)

// TestTranslatorsNotes: each note is printed once on the full text and
// once on the side-by-side text, at the place its words first stand, and
// collected on the notes page with a link into the side-by-side text.
func TestTranslatorsNotes(t *testing.T) {
	files := render(t)
	p, _ := realPlan(t)
	if len(p.Notes) < 10 {
		t.Fatalf("%d translator's notes; data/notes.yaml has more", len(p.Notes))
	}
	type ref struct{ ID, Mark, Text string }
	for _, l := range []plan.Lang{plan.ZH, plan.EN} {
		var full struct {
			Params struct {
				Blocks []struct {
					ID    string
					Notes []ref
				}
				KeyPoints []struct {
					Industry link
					Notes    []ref
				}
				KeyPointsNotes []ref
			}
		}
		frontMatter(t, files, string(l)+"/plan.md", &full)
		var bi struct {
			Params struct {
				Pairs []struct {
					ID    string
					Notes []ref
				}
				KeyPoints []struct {
					ID    string
					Notes []ref
				}
			}
		}
		frontMatter(t, files, string(l)+"/bilingual.md", &bi)
		at := map[string]string{} // note id → where the full text prints it
		var marks []string
		for _, b := range full.Params.Blocks {
			for _, n := range b.Notes {
				at[n.ID] += b.ID + " "
				marks = append(marks, n.Mark)
			}
		}
		for _, r := range full.Params.KeyPoints {
			for _, n := range r.Notes {
				at[n.ID] += "kp-" + r.Industry.Code + " "
				marks = append(marks, n.Mark)
			}
		}
		biAt := map[string]string{}
		for _, b := range bi.Params.Pairs {
			for _, n := range b.Notes {
				biAt[n.ID] += b.ID + " "
			}
		}
		for _, r := range bi.Params.KeyPoints {
			for _, n := range r.Notes {
				biAt[n.ID] += "kp-" + strings.ToUpper(strings.TrimPrefix(r.ID, "kp-")) + " "
			}
		}
		for _, n := range p.Notes {
			want := n.Place.Block + " "
			if n.Place.KeyPoints != nil {
				want = "kp-" + n.Place.KeyPoints.Code.Value + " "
			}
			if at[n.ID.Value] != want || biAt[n.ID.Value] != want {
				t.Errorf("%s: note %s printed at %q on the full text and %q side by side; want once, at %q", l, n.ID.Value, at[n.ID.Value], biAt[n.ID.Value], want)
			}
		}
		if len(full.Params.KeyPointsNotes) == 0 {
			t.Errorf("%s: attachment 2's notes are not listed after its table", l)
		}
		// Numbered in print order, 1 to n.
		for i, m := range marks {
			if !strings.HasSuffix(m, " "+strconv.Itoa(i+1)) && !strings.HasSuffix(m, "注"+strconv.Itoa(i+1)) {
				t.Errorf("%s: note mark %d is %q", l, i+1, m)
			}
		}

		var page struct {
			Params struct {
				Kinds []struct {
					Kind  string
					Notes []struct {
						ID, ZH, EN, Text string
						Where            link
					}
				}
			}
		}
		frontMatter(t, files, string(l)+"/notes.md", &page)
		n := 0
		for _, k := range page.Params.Kinds {
			for _, e := range k.Notes {
				n++
				if !strings.HasPrefix(e.Where.Path, "bilingual/#") || e.Where.Title == "" || e.Text == "" {
					t.Errorf("%s notes page: %s links to %q (%q)", l, e.ID, e.Where.Path, e.Where.Title)
				}
			}
		}
		if n != len(p.Notes) {
			t.Errorf("%s notes page lists %d notes; want %d", l, n, len(p.Notes))
		}
	}
}

// TestNamesIndexOrder: the English index is in alphabetical order of the
// English names, the Chinese in pinyin order, with polyphonic first
// characters read as the glossary spells them (长沙 under C, not Z), and
// every place a name is mentioned links into the side-by-side text with a
// readable locator.
func TestNamesIndexOrder(t *testing.T) {
	files := render(t)
	p, _ := realPlan(t)
	type entry struct {
		ZH, EN, Kind string
		Where        []struct {
			Heading string
			Links   []link
		}
	}
	for _, l := range []plan.Lang{plan.ZH, plan.EN} {
		var names struct {
			Params struct {
				Total   int
				Letters []struct {
					Letter  string
					Entries []entry
				}
			}
		}
		frontMatter(t, files, string(l)+"/names.md", &names)
		letterOf := map[string]string{}
		var all []entry
		for _, g := range names.Params.Letters {
			for _, e := range g.Entries {
				letterOf[e.ZH] = g.Letter
				all = append(all, e)
			}
		}
		if len(all) != names.Params.Total || len(all) != len(p.Names().Entries(p)) {
			t.Fatalf("%s: %d names listed, total says %d, the glossary has %d", l, len(all), names.Params.Total, len(p.Names().Entries(p)))
		}
		for _, e := range all {
			for _, g := range e.Where {
				for _, k := range g.Links {
					if !strings.HasPrefix(k.Path, "bilingual/#") {
						t.Errorf("%s: %s links to %q, not into the side-by-side text", l, e.ZH, k.Path)
					}
					if k.Title == "" || k.Title == "¶" || k.Title == "#" {
						t.Errorf("%s: %s has a locator %q", l, e.ZH, k.Title)
					}
				}
			}
		}
		if l == plan.EN {
			for i := 1; i < len(all); i++ {
				a, b := strings.ToLower(all[i-1].EN), strings.ToLower(all[i].EN)
				if initial(a) != "#" && initial(b) != "#" && a[0] > b[0] {
					t.Errorf("en: %q comes before %q", all[i-1].EN, all[i].EN)
				}
			}
			if letterOf["三一集团"] != "S" || letterOf["中联重科"] != "Z" {
				t.Errorf("en: SANY Group under %q, Zoomlion under %q", letterOf["三一集团"], letterOf["中联重科"])
			}
			continue
		}
		for zh, want := range map[string]string{"长沙": "C", "长株潭": "C", "长江经济带": "C", "中联重科": "Z", "三一集团": "S", "湘电集团": "X", "608所": "#"} {
			if letterOf[zh] != want {
				t.Errorf("zh: %s is under %q; want %q", zh, letterOf[zh], want)
			}
		}
		var letters []string
		for _, g := range names.Params.Letters {
			letters = append(letters, g.Letter)
		}
		for i := 1; i < len(letters); i++ {
			if letters[i-1] != "#" && letters[i-1] >= letters[i] {
				t.Errorf("zh: initials out of order: %v", letters)
				break
			}
		}
	}
}
