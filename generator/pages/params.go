package pages

// The contract between the views and the theme's layouts, declared once:
// each page kind's front matter params are one struct here (the kind's
// layout is named in Kinds), and the json keys are the names the layouts
// read (.Params.coreCities). A layout that reads a key no struct declares
// finds nothing, and a view can only hand a layout a declared struct
// (Page.Params is a Params).

// Params is the front matter params of one page kind.
type Params interface{ params() }

// SiteParams are the document's facts that every page shows (the
// footer's source line, citations, the embed's source line, the JSON-LD):
// the build gives them to Hugo as each language's site.Params, and the
// edition's name as site.Title, so that hugo.toml repeats none of them.
type SiteParams struct {
	Issuer string `json:"issuer"`
	Number string `json:"number"`
	// PlanTitle is the title as the document prints it (literal in
	// English), for the source line and citations.
	PlanTitle string `json:"planTitle"`
	Updated   string `json:"updated"` // YYYY-MM-DD, the edition's last change
	// Legislation is the plan as the government document it is, the same
	// in both languages (the JSON-LD's Legislation).
	Legislation Legislation `json:"legislation"`
	// Citations is the language's index of citations under the assets
	// (assetpath.CiteIndex): each page's and chart's text, files and tags.
	Citations string `json:"citations"`
}

// Legislation is the plan's facts as the source gives them, with the
// English the edition gives each: the issuer, the document number, the
// jurisdiction and the year of issue (from the number).
type Legislation struct {
	Name                string `json:"name"`
	EnglishName         string `json:"englishName"`
	Issuer              string `json:"issuer"`
	EnglishIssuer       string `json:"englishIssuer"`
	Number              string `json:"number"`
	Jurisdiction        string `json:"jurisdiction"`
	EnglishJurisdiction string `json:"englishJurisdiction"`
	Year                string `json:"year"`
}

// Social is what a page says of its social card (the social partial).
type Social struct {
	Image string `json:"image"`
	Alt   string `json:"alt"`
}

// Both is a text in both languages, for the side-by-side page.
type Both struct {
	ZH string `json:"zh"`
	EN string `json:"en"`
}

// SearchNames are the other language's names a page names, for the search
// index alone (addSearchNames): ownNames for the page's own subject.
type SearchNames struct {
	OwnNames   string `json:"ownNames,omitempty"`
	OtherNames string `json:"otherNames,omitempty"`
	// The amounts of the targets the page states, in the other language
	// (addSearchFigures).
	OtherFigures string `json:"otherFigures,omitempty"`
}

// searchNamed is a page kind whose params carry SearchNames.
type searchNamed interface{ searchNames() *SearchNames }

func (s *SearchNames) searchNames() *SearchNames { return s }

// HomeParams: the home page (kind home).
type HomeParams struct {
	Industries int          `json:"industries"`
	TierCount  int          `json:"tierCount"`
	CityCount  int          `json:"cityCount"`
	Goals      string       `json:"goals"`
	Cards      []Card       `json:"cards"`
	Tiers      []TierView   `json:"tiers"`
	Cities     []Link       `json:"cities"`
	Groups     []GroupView  `json:"groups"`
	Charts     []*ChartView `json:"charts"`
	Social     Social       `json:"social"`
	SearchNames
}

// PlanParams: the full text (kind full text).
type PlanParams struct {
	Blocks []Paragraph `json:"blocks"`
	// KeyPointsNotes are the notes of attachment 2's rows, printed after
	// the table (each row marks its own).
	KeyPointsNotes  []NoteRef     `json:"keyPointsNotes,omitempty"`
	LayoutTitle     string        `json:"layoutTitle"`
	LayoutNote      string        `json:"layoutNote"`
	Layout          Matrix        `json:"layout"`
	KeyPointsLabel  Cell          `json:"keyPointsLabel"`
	KeyPointsTitle  Cell          `json:"keyPointsTitle"`
	KeyPointsHeader []Cell        `json:"keyPointsHeader"`
	KeyPoints       []KeyPointRow `json:"keyPoints"`
	SearchNames
}

// BilingualParams: the side-by-side text (kind bilingual).
type BilingualParams struct {
	Pairs          []Pair         `json:"pairs"`
	LayoutTitle    Both           `json:"layoutTitle"`
	LayoutNote     Both           `json:"layoutNote"`
	LayoutZH       Matrix         `json:"layoutZH"`
	LayoutEN       Matrix         `json:"layoutEN"`
	KeyPointsLabel Both           `json:"keyPointsLabel"`
	KeyPointsTitle Both           `json:"keyPointsTitle"`
	KeyPoints      []KeyPointPair `json:"keyPoints"`
}

// NamesParams: the names index (kind names).
type NamesParams struct {
	Kinds   []NameKind   `json:"kinds"`
	Letters []NameLetter `json:"letters"`
	Total   int          `json:"total"`
}

// NotesParams: the translator's notes (kind notes).
type NotesParams struct {
	Kinds []NoteKind `json:"kinds"`
}

// IndustryParams: an industry's page (kind industry).
type IndustryParams struct {
	Code           string       `json:"code"`
	Tier           string       `json:"tier"`
	Intro          string       `json:"intro"`
	Items          []Paragraph  `json:"items"`
	Responsibility string       `json:"responsibility"`
	Units          []Unit       `json:"units"`
	KeyPoints      []KeyPoint   `json:"keyPoints"`
	Targets        []TargetView `json:"targets"`
	Notes          []Note       `json:"notes"`
	CoreCities     []Link       `json:"coreCities"`
	KeyCities      []Link       `json:"keyCities"`
	Count          int          `json:"count"` // the layout's stated number of cities
	Prev           *Link        `json:"prev"`
	Next           *Link        `json:"next"`
	Anchor         string       `json:"anchor"`
	Charts         []*ChartView `json:"charts"`
	Social         Social       `json:"social"`
	SearchNames
}

// CityParams: a city's page (kind city).
type CityParams struct {
	Code      string       `json:"code"`
	Full      string       `json:"full"`
	Kind      string       `json:"kind"`
	Group     string       `json:"group"`
	GroupID   string       `json:"groupID"`
	GroupText string       `json:"groupText"`
	Area      string       `json:"area,omitempty"` // only cities the plan places in an area
	Focus     []FocusView  `json:"focus"`
	Core      []Link       `json:"core"`
	Key       []Link       `json:"key"`
	Count     int          `json:"count"`
	Charts    []*ChartView `json:"charts"`
	Social    Social       `json:"social"`
	SearchNames
}

// TiersParams: the industries index (kind industries).
type TiersParams struct {
	Tiers []TierView `json:"tiers"`
}

// GroupsParams: the cities index (kind cities).
type GroupsParams struct {
	Groups []GroupView `json:"groups"`
}

// RegionsParams: the regional layout (kind regions).
type RegionsParams struct {
	Intro  string       `json:"intro"`
	Groups []GroupView  `json:"groups"`
	Charts []*ChartView `json:"charts"`
}

// TargetsParams: the 2027 targets (kind targets).
type TargetsParams struct {
	GoalsHeading string            `json:"goalsHeading"`
	Goals        string            `json:"goals"`
	Province     []TargetView      `json:"province"`
	Industries   []IndustryTargets `json:"industries"`
	Differences  []KindCount       `json:"differences"`
	Differing    int               `json:"differing"`
	Charts       []*ChartView      `json:"charts"`
	SearchNames
}

// LayoutParams: attachment 1's matrix (kind layout).
type LayoutParams struct {
	Matrix Matrix       `json:"matrix"`
	Charts []*ChartView `json:"charts"`
}

// SafeguardsParams: the safeguards (kind safeguards).
type SafeguardsParams struct {
	Items []SafeguardView `json:"items"`
}

// GalleryParams: every chart (kind charts).
type GalleryParams struct {
	Charts        []*ChartView `json:"charts"`
	DownloadScale int          `json:"downloadScale"`
}

// DownloadsParams: the data downloads (kind downloads).
type DownloadsParams struct {
	Files []Download `json:"files"`
}

// EmbedParams: one chart alone (kind embed).
type EmbedParams struct {
	Chart  *ChartView `json:"chart"`
	Social Social     `json:"social"`
	// Canonical is the page a search engine should show for the embed,
	// relative to the language root: the chart on its page, or in the
	// gallery when its page is the home page (a canonical pointing at the
	// home page reads as a mistake to search engines). The embed itself,
	// a frame's content, is folded into it rather than kept out of the
	// index with noindex, which would leave its text unindexed everywhere.
	Canonical string `json:"canonical"`
}

func (HomeParams) params()       {}
func (PlanParams) params()       {}
func (BilingualParams) params()  {}
func (NamesParams) params()      {}
func (NotesParams) params()      {}
func (IndustryParams) params()   {}
func (CityParams) params()       {}
func (TiersParams) params()      {}
func (GroupsParams) params()     {}
func (RegionsParams) params()    {}
func (TargetsParams) params()    {}
func (LayoutParams) params()     {}
func (SafeguardsParams) params() {}
func (GalleryParams) params()    {}
func (DownloadsParams) params()  {}
func (EmbedParams) params()      {}
