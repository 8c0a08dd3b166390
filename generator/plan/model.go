// Package plan holds the model of the implementation plan: the types the
// YAML under data/ decodes into, Load, which reads them strictly and
// validates them (an error names the file, line and field), and the facts
// derived from them (counts, lead units, body-versus-attachment
// differences, the full text).
package plan

import "sync"

// Plan is the whole document, as loaded from data/.
type Plan struct {
	Document   Document
	Cities     []*City
	Industries []*Industry
	Layout     Layout
	Glossary   []*Term
	Notes      []*TranslatorNote // the edition's translator's notes

	glossary *Glossary
	// mentions is NameMentions, worked out once: the plan does not change
	// after Load, and both languages' names index and search names ask.
	mentions struct {
		once sync.Once
		m    map[*Term]*Mentions
	}
}

// Document is data/plan.yaml: everything of the plan that is not one
// industry, one city, the layout table or the glossary.
type Document struct {
	Notice Notice `yaml:"notice"`
	// Title is the plan's one title in each language: the English is the
	// rendering the notice itself uses, in citations and headings alike.
	Title       Text        `yaml:"title"`
	Preamble    Text        `yaml:"preamble"`
	General     General     `yaml:"general"`
	Tiers       []*Tier     `yaml:"tiers"`
	Safeguards  Safeguards  `yaml:"safeguards"`
	Attachments Attachments `yaml:"attachments"`
	// Jurisdiction is where the plan applies: the province whose
	// government's office issued it.
	Jurisdiction Text `yaml:"jurisdiction"`
}

// Notice is the covering notice of the General Office.
type Notice struct {
	Issuer     Text `yaml:"issuer"`
	Title      Text `yaml:"title"`
	Number     Text `yaml:"number"`
	Addressees Text `yaml:"addressees"`
	Body       Text `yaml:"body"`
}

// General is part 一、总体要求.
type General struct {
	Heading    Text       `yaml:"heading"`
	Principles Principles `yaml:"principles"`
	Goals      Goals      `yaml:"goals"`
	Regions    Regions    `yaml:"regions"`
}

// Principles is （一）工作原则: four principles printed as one paragraph.
type Principles struct {
	Heading Text         `yaml:"heading"`
	Items   []*Principle `yaml:"items"`
}

// Principle is one 坚持……。 sentence and the text that follows it.
type Principle struct {
	Title Text `yaml:"title"`
	Text  Text `yaml:"text"`
}

// Goals is （二）主要目标.
type Goals struct {
	Heading   Text      `yaml:"heading"`
	Paragraph Text      `yaml:"paragraph"`
	Targets   []*Target `yaml:"targets"`
}

// Regions is （三）区域布局: 一核引领、两翼支撑、多点协同.
type Regions struct {
	Heading Text           `yaml:"heading"`
	Intro   Text           `yaml:"intro"`
	Groups  []*RegionGroup `yaml:"groups"`
}

// RegionGroup is one of 一核 / 两翼 / 多点.
type RegionGroup struct {
	ID     Str           `yaml:"id"`
	Name   Text          `yaml:"name"`  // 一核引领
	Short  Text          `yaml:"short"` // 一核, as in the layout table's header
	Text   Text          `yaml:"text"`  // the paragraph after "一核引领："
	Areas  []*RegionArea `yaml:"areas"`
	Cities []*CityFocus  `yaml:"cities"`
}

// RegionArea is a sub-area the text names inside a group, such as
// 洞庭湖生态经济区.
type RegionArea struct {
	ID     Str   `yaml:"id"`
	Name   Text  `yaml:"name"`
	Cities []Str `yaml:"cities"`
}

// CityFocus is what the regional layout says one city should develop.
type CityFocus struct {
	City  Str      `yaml:"city"`
	Focus []*Focus `yaml:"focus"`
}

// Focus is one industry named for a city, as written; Industry links it to
// one of the 16 industries where the match is direct.
type Focus struct {
	Name     Text `yaml:"name"`
	Industry Str  `yaml:"industry"`
	Future   bool `yaml:"future"` // 率先布局……等未来产业
}

// Tier is one of the four first-level industry groups, and the part of the
// plan that covers it (二、改造提升传统产业 …).
type Tier struct {
	Code    Str  `yaml:"code"`    // A, B, C, D
	Name    Text `yaml:"name"`    // 传统产业
	Heading Text `yaml:"heading"` // 改造提升传统产业
	Intro   Text `yaml:"intro"`
}

// Safeguards is 六、保障措施.
type Safeguards struct {
	Heading Text         `yaml:"heading"`
	Items   []*Safeguard `yaml:"items"`
}

// Safeguard is one numbered measure and the units responsible for it.
type Safeguard struct {
	Title Text `yaml:"title"`
	Text  Text `yaml:"text"`
	// Responsibility is the bracketed line at the end, without brackets:
	// 省发展改革委、省工业和信息化厅牵头.
	Responsibility Text  `yaml:"responsibility"`
	Units          []Str `yaml:"units"` // glossary names of the bodies, in order
}

// Attachments holds the list of attachments and the fixed texts of the two
// tables (titles, column headers, note).
type Attachments struct {
	Heading     Text           `yaml:"heading"` // 附件：
	List        []Text         `yaml:"list"`
	Layout      LayoutTable    `yaml:"layout"`
	Attachment2 KeyPointsTable `yaml:"key_points"`
}

// LayoutTable is the fixed text of attachment 1.
type LayoutTable struct {
	Title        Text `yaml:"title"`
	TierHeader   Text `yaml:"tier_header"`     // 一级产业
	IndustryHead Text `yaml:"industry_header"` // 二级产业
	CountHeader  Text `yaml:"count_header"`    // 布局该产业的地市数量（个）
	TotalLabel   Text `yaml:"total_label"`     // 各产业市州布局数量（个）
	Note         Text `yaml:"note"`            // 注：核心产业★★★，重点产业★★
}

// KeyPointsTable is the fixed text of attachment 2.
type KeyPointsTable struct {
	Label   Text   `yaml:"label"` // 附件2
	Title   Text   `yaml:"title"`
	Columns []Text `yaml:"columns"`
}

// City is one of the 14 prefecture-level divisions.
type City struct {
	Code    Str    `yaml:"code"`     // slug: changsha
	Name    Text   `yaml:"name"`     // as the plan writes it: 长沙, 湘西自治州
	Short   Text   `yaml:"short"`    // for charts and maps: 长沙, 湘西 / Xiangxi
	Full    Text   `yaml:"full"`     // 长沙市 / Changsha City
	MapName string `yaml:"map_name"` // the feature name in the map data
	Kind    Text   `yaml:"kind"`     // 地级市 / prefecture-level city

	// Derived from the regional layout.
	Group *RegionGroup `yaml:"-"`
	Area  *RegionArea  `yaml:"-"`
	Focus *CityFocus   `yaml:"-"`
}

// Industry is one of the 16 second-level industries: its section of the
// body text and its row of attachment 2.
type Industry struct {
	Code  Str  `yaml:"code"` // A1 … D4
	Slug  Str  `yaml:"slug"`
	Name  Text `yaml:"name"`
	Intro Text `yaml:"intro"`
	// Items are the numbered paragraphs 1.石油化工。…; empty where the
	// section is one paragraph.
	Items []*Item `yaml:"items"`
	// Responsibility is the 责任单位 line as printed, brackets included.
	Responsibility Text      `yaml:"responsibility"`
	Units          []Str     `yaml:"units"` // bodies in order; the first leads
	KeyPoints      KeyPoints `yaml:"key_points"`
	Targets        []*Target `yaml:"targets"`
	// Notes record where the body and attachment 2 differ in words that
	// are not a target (the targets' differences are derived).
	Notes []*Note `yaml:"notes"`

	Tier   *Tier      `yaml:"-"`
	file   string     // relative to the data folder
	layout *LayoutRow // its row of attachment 1
}

// Item is one numbered paragraph of an industry section.
type Item struct {
	Title Text `yaml:"title"`
	Text  Text `yaml:"text"`
}

// KeyPoints is the industry's row of attachment 2.
type KeyPoints struct {
	Goal         Text `yaml:"goal"`
	Products     Text `yaml:"products"`
	Technologies Text `yaml:"technologies"`
	Enterprises  Text `yaml:"enterprises"`
	// Cities is the 市州布局 cell exactly as printed (长沙、\n岳阳…市);
	// its English is derived from the city names.
	Cities Str `yaml:"cities"`
}

// Note is a difference between the body and attachment 2 that the site
// shows beside the industry.
type Note struct {
	Field Str  `yaml:"field"` // goal, products, …
	Text  Text `yaml:"text"`
}

// Source says where a statement stands in the document.
type Source string

const (
	SourceBody        Source = "body"
	SourceAttachment2 Source = "attachment2"
)

// Target is one quantitative 2027 target, as one sentence of one source
// states it. The same metric stated in the body and in attachment 2 is two
// targets with the same Metric key; their differences are derived.
type Target struct {
	Metric     Str  `yaml:"metric"`     // key, unique per source within its scope
	Label      Text `yaml:"label"`      // 石化产业产值 / petrochemical output
	Value      Str  `yaml:"value"`      // as written: 4100, 1.4, 1-2
	Unit       Str  `yaml:"unit"`       // as written: 亿元, 万亿元, %, 家
	Comparator Str  `yaml:"comparator"` // as written: 超过, 达到, 以上 …
	Strive     bool `yaml:"strive"`     // the sentence says 力争 or 努力
	Source     Str  `yaml:"source"`     // body or attachment2
	Quote      Text `yaml:"quote"`      // the phrase, verbatim, and its English

	Industry *Industry `yaml:"-"` // nil for province-wide goals
}

// Term is one glossary entry: one English name for one Chinese name.
type Term struct {
	ZH    Str    `yaml:"zh"`
	EN    string `yaml:"en"`
	Kind  Str    `yaml:"kind"`  // company, body, place, brand, project, platform, term
	Basis Str    `yaml:"basis"` // official, translated, pinyin
	Note  string `yaml:"note"`
	File  string `yaml:"-"`
}
