// Command charset prints every character the social preview images can
// contain (cards.Texts; see generator/socialfont): the input of scripts/fonts/build.sh,
// which subsets the font to it. Run from the project root:
//
//	go run ./scripts/fonts/charset > chars.txt
//
// It writes the characters as UTF-8 on one line, and their count to stderr.
package main

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/hunan-industry/plan-site/generator/cards"
	"github.com/hunan-industry/plan-site/generator/charts"
	"github.com/hunan-industry/plan-site/generator/plan"
	"github.com/hunan-industry/plan-site/generator/socialfont"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "charset:", err)
		os.Exit(1)
	}
}

func run() error {
	p, err := plan.Load(filepath.Join("data"))
	if err != nil {
		return err
	}
	cs, err := charts.All(p)
	if err != nil {
		return err
	}
	texts, err := cards.Texts(p, cs)
	if err != nil {
		return err
	}
	runes := socialfont.Charset(texts)
	han := 0
	for _, r := range runes {
		if r >= 0x3400 && r <= 0x9fff {
			han++
		}
	}
	fmt.Println(string(runes))
	fmt.Fprintf(os.Stderr, "%d characters, %d of them Han\n", len(runes), han)
	return nil
}
