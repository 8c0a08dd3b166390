package plan

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
)

// TranslatorNote is one of the edition's own notes (data/notes.yaml): a
// programme label, an abbreviation, a misprint or a doubtful name of the
// plan, explained in both languages. It is the edition's word, never the
// plan's: the pages print it beside the plan's text, not in it.
type TranslatorNote struct {
	ID   Str `yaml:"id"`   // the note's anchor: tn-<id>
	Kind Str `yaml:"kind"` // label, abbreviation, misprint, name
	// At is the words it explains: the Chinese as the plan prints them,
	// the English as the translation gives them in the same place.
	At   Text `yaml:"at"`
	Note Text `yaml:"note"`

	// Place is where At first stands in print order, found by Load.
	Place NotePlace `yaml:"-"`
}

// NotePlace is a place in the plan's print order: a block of the full
// text (its id), or an industry's row of attachment 2.
type NotePlace struct {
	Block     string
	KeyPoints *Industry
}

// noteKinds are the kinds of translator's note, in the order the notes
// page lists them.
var noteKinds = []string{"label", "abbreviation", "misprint", "name"}

// NoteKinds are the kinds of translator's note, in the notes page's order.
func NoteKinds() []string { return slices.Clone(noteKinds) }

var noteID = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

const notesFile = "notes.yaml"

// decodeNotes reads data/notes.yaml, where there is one: an edition may
// have no notes.
func (l *loader) decodeNotes(p *Plan) {
	if _, err := os.Stat(filepath.Join(l.dir, notesFile)); os.IsNotExist(err) {
		return
	}
	l.decode(notesFile, &p.Notes)
}

// checkNotes validates the notes and places each where its words first
// stand: the Chinese in the plan's text, the English in the English of
// that same place, so that the note is printed where a reader of either
// language meets the words it explains.
func checkNotes(p *Plan, l *loader) {
	lg := l.log(notesFile)
	type place struct {
		NotePlace
		zh, en string
	}
	var places []place
	for _, b := range p.FullText() {
		places = append(places, place{NotePlace{Block: b.ID}, b.Text.ZH, b.Text.EN})
	}
	for _, ind := range p.Industries {
		var zh, en strings.Builder
		walkTexts(reflect.ValueOf(&ind.KeyPoints), "key_points", func(_ string, t *Text) {
			zh.WriteString(t.ZH + "\n")
			en.WriteString(t.EN + "\n")
		})
		zh.WriteString(ind.KeyPoints.Cities.Value)
		places = append(places, place{NotePlace{KeyPoints: ind}, zh.String(), en.String()})
	}
	seen := map[string]int{}
	for i, n := range p.Notes {
		field := fmt.Sprintf("[%d]", i)
		checkTexts(lg, field, n)
		switch {
		case !noteID.MatchString(n.ID.Value):
			lg.add(n.ID.Line, field+".id", "id %q is not lower-case words joined by hyphens (chenzhou-mining)", n.ID.Value)
		case seen[n.ID.Value] != 0:
			lg.add(n.ID.Line, field+".id", "id %q is also the id of the note on line %d", n.ID.Value, seen[n.ID.Value])
		}
		seen[n.ID.Value] = n.ID.Line
		if !slices.Contains(noteKinds, n.Kind.Value) {
			lg.add(n.Kind.Line, field+".kind", "kind %q is not one of %s", n.Kind.Value, strings.Join(noteKinds, ", "))
		}
		if strings.TrimSpace(n.At.ZH) == "" {
			continue
		}
		found := false
		for _, pl := range places {
			if strings.Contains(pl.zh, n.At.ZH) {
				found = true
				if !strings.Contains(pl.en, n.At.EN) {
					lg.add(n.At.Line, field+".at.en", "%q is not in the English where the plan first prints %s (%s)", n.At.EN, n.At.ZH, pl.describe())
				}
				n.Place = pl.NotePlace
				break
			}
		}
		if !found {
			lg.add(n.At.Line, field+".at.zh", "%s stands nowhere in the plan's text: a note explains words the plan prints", n.At.ZH)
		}
	}
}

func (pl NotePlace) describe() string {
	if pl.KeyPoints != nil {
		return "attachment 2, row " + pl.KeyPoints.Code.Value
	}
	return "block " + pl.Block
}
