package charts

import "github.com/hunan-industry/plan-site/generator/uitext"

// The charts' own words, in both languages, drawn into the SVG at build
// time. They live with every other interface string in the theme's i18n
// files (go_chart_* keys); facts (names, figures) come from the plan.
var (
	lCore          = uitext.Text("go_chart_core")
	lKey           = uitext.Text("go_chart_key")
	lNone          = uitext.Text("go_chart_none")
	lCoreShort     = uitext.Text("go_chart_coreCount")
	lKeyShort      = uitext.Text("go_chart_keyCount")
	lCity          = uitext.Text("go_chart_city")
	lIndustry      = uitext.Text("go_chart_industry")
	lTier          = uitext.Text("go_chart_tier")
	lRating        = uitext.Text("go_chart_rating")
	lGroup         = uitext.Text("go_chart_group")
	lFocus         = uitext.Text("go_chart_focus")
	lTotal         = uitext.Text("go_chart_total")
	lOther         = uitext.Text("go_chart_other")
	lProvince      = uitext.Text("go_chart_province")
	lMeasure       = uitext.Text("go_chart_measure")
	lTarget        = uitext.Text("go_chart_target")
	lStrive        = uitext.Text("go_chart_strive")
	lSourceFormat  = uitext.Text("go_chart_sourceLine")
	lCredit        = uitext.Text("go_chart_credit")
	lMapNote       = uitext.Text("go_chart_mapNote")
	lMapApproval   = uitext.Text("go_chart_mapApproval")
	lCreditSep     = uitext.Text("go_chart_creditSep")
	lColon         = uitext.Text("go_chart_colon")
	lSentenceEnd   = uitext.Text("go_chart_sentenceEnd")
	lSiteNameLabel = uitext.Text("siteName")

	tOverview          = uitext.Text("go_chart_overviewTitle")
	tRegions           = uitext.Text("go_chart_regionsTitle")
	tMatrix            = uitext.Text("go_chart_matrixTitle")
	tIndustriesPerCity = uitext.Text("go_chart_industriesPerCityTitle")
	tCitiesPerIndustry = uitext.Text("go_chart_citiesPerIndustryTitle")
	tIndustryMap       = uitext.Text("go_chart_industryMapTitle")
	tCityMap           = uitext.Text("go_chart_cityMapTitle")
	tYuan              = uitext.Text("go_chart_yuanTitle")
	tShare             = uitext.Text("go_chart_shareTitle")

	sOverview          = uitext.Text("go_chart_overviewSummary")
	sOverviewTip       = uitext.Text("go_chart_overviewTip")
	lGroupCities       = uitext.Text("go_chart_groupCities")
	lGroupSep          = uitext.Text("go_chart_groupSep")
	sRegions           = uitext.Text("go_chart_regionsSummary")
	sMatrix            = uitext.Text("go_chart_matrixSummary")
	sIndustriesPerCity = uitext.Text("go_chart_industriesPerCitySummary")
	sCitiesPerIndustry = uitext.Text("go_chart_citiesPerIndustrySummary")
	sIndustryMapCore   = uitext.Text("go_chart_industryMapCore")
	sIndustryMapKey    = uitext.Text("go_chart_industryMapKey")
	sIndustryMapEnd    = uitext.Text("go_chart_industryMapEnd")
	sCityMap           = uitext.Text("go_chart_cityMapSummary")
	sYuan              = uitext.Text("go_chart_yuanSummary")
	sShare             = uitext.Text("go_chart_shareSummary")
	lNoneListed        = uitext.Text("go_chart_noneListed")
	lListSep           = uitext.Text("go_chart_listSep")
	lLastSep           = uitext.Text("go_chart_lastSep")
)

// What the columns of a chart's CSV hold, for the data package (go_field_*
// keys, which the exports' own files share).
var (
	fCoreIndustries = uitext.Text("go_field_coreIndustries")
	fKeyIndustries  = uitext.Text("go_field_keyIndustries")
	fAllIndustries  = uitext.Text("go_field_allIndustries")
	fCoreCities     = uitext.Text("go_field_coreCities")
	fKeyCities      = uitext.Text("go_field_keyCities")
	fAllCities      = uitext.Text("go_field_allCities")
	fIndustryCode   = uitext.Text("go_field_industry_code")
	fTierCode       = uitext.Text("go_field_tier_code")
	fCityCode       = uitext.Text("go_field_city_code")
	fGroupID        = uitext.Text("go_field_group_id")
	fLevel          = uitext.Text("go_field_level")
	fStarsIn        = uitext.Text("go_field_starsIn")
	fRatingIn       = uitext.Text("go_field_ratingIn")
	fMetric         = uitext.Text("go_field_metric")
	fSource         = uitext.Text("go_field_source")
	fUnit           = uitext.Text("go_field_chartUnit")
	fYuanValue      = uitext.Text("go_field_yuanValue")
	fShareValue     = uitext.Text("go_field_shareValue")
	fTargetWording  = uitext.Text("go_field_chartTarget")
	// lYuanUnit is the unit of the yuan chart's bars: 亿元, billion yuan.
	lYuanUnit = uitext.Text("go_chart_yuanUnit")
)

// The names of the download's own columns, alike in both languages and in
// the exports' files (layout.csv, targets.csv).
const (
	dIndustryCode = "industry_code"
	dTierCode     = "tier_code"
	dCityCode     = "city_code"
	dGroupID      = "group_id"
	dLevel        = "level"
	dRatingIn     = "rating_" // + a city's code: the matrix's stars in words
	dMetric       = "metric"
	dSource       = "source"
	dValue        = "value"
	dUnit         = "unit"
)
