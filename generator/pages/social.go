package pages

import "github.com/hunan-industry/plan-site/generator/cards"

// socialParam is what a page's front matter says of its card (the social
// partial reads it); the card's words are package cards'.
func socialParam(c cards.SocialCard) Social {
	return Social{Image: c.Image(), Alt: c.Alt}
}
