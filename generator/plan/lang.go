package plan

// Lang is a language of the site. The data carries every text in both
// (Text). The packages that build the site name a language with this
// type; those that only lay out or read back what was built (cards,
// sitecheck, sizereport) carry its code as a string.
type Lang string

const (
	ZH Lang = "zh" // Chinese, the default language, at the site's root
	EN Lang = "en" // English, under /en/
)

// Langs are the site's languages, the default first.
var Langs = []Lang{ZH, EN}

// Prefix is the language's path on the site: "" for Chinese, "/en" for
// English.
func (l Lang) Prefix() string {
	if l == ZH {
		return ""
	}
	return "/" + string(l)
}

// Locale is the language's tag in <html lang> and hreflang.
func (l Lang) Locale() string {
	if l == ZH {
		return "zh-CN"
	}
	return string(l)
}
