package charts

import "github.com/hunan-industry/plan-site/generator/plan"

// The charts' own words, in both languages. They are drawn into the SVG at
// build time, so they live here rather than in Hugo's i18n files; facts
// (names, figures) come from the plan.
var (
	lCore         = plan.Text{ZH: "核心产业 ★★★", EN: "core industry ★★★"}
	lKey          = plan.Text{ZH: "重点产业 ★★", EN: "key industry ★★"}
	lNone         = plan.Text{ZH: "未布局", EN: "not laid out"}
	lCoreShort    = plan.Text{ZH: "核心", EN: "core"}
	lKeyShort     = plan.Text{ZH: "重点", EN: "key"}
	lCity         = plan.Text{ZH: "市州", EN: "City or prefecture"}
	lIndustry     = plan.Text{ZH: "产业", EN: "Industry"}
	lTier         = plan.Text{ZH: "类别", EN: "Tier"}
	lRating       = plan.Text{ZH: "布局", EN: "Rating"}
	lGroup        = plan.Text{ZH: "区域布局", EN: "Regional group"}
	lFocus        = plan.Text{ZH: "重点发展", EN: "Focus industries"}
	lTotal        = plan.Text{ZH: "合计", EN: "Total"}
	lHere         = plan.Text{ZH: "所在位置", EN: "location"}
	lOther        = plan.Text{ZH: "其他市州", EN: "other cities and prefectures"}
	lSourceFormat = plan.Text{ZH: "来源：%s（%s）", EN: "Source: %s\n(%s)"}

	tOverview          = plan.Text{ZH: "各市州布局的产业数量", EN: "Industries laid out in each city and prefecture"}
	tRegions           = plan.Text{ZH: "区域布局：一核引领、两翼支撑、多点协同", EN: "Regional layout: one core, two wings, multiple points"}
	tMatrix            = plan.Text{ZH: "产业布局表：16个产业 × 14个市州", EN: "Layout table: 16 industries × 14 cities and prefectures"}
	tIndustriesPerCity = plan.Text{ZH: "各市州布局的核心产业和重点产业", EN: "Core and key industries in each city and prefecture"}
	tCitiesPerIndustry = plan.Text{ZH: "各产业布局的市州数量", EN: "Cities and prefectures laying out each industry"}
	tIndustryMap       = plan.Text{ZH: "%s：布局市州", EN: "%s: where it is laid out"}
	tCityMap           = plan.Text{ZH: "%s在湖南的位置", EN: "%s in Hunan"}

	sOverview          = plan.Text{ZH: "地图按每个市州布局的产业个数着色（附件1），标签为“核心产业个数+重点产业个数”。%s最多，为%d个。", EN: "The map shades each city or prefecture by the number of industries it lays out (attachment 1), each labelled with its number of core industries + key industries. %s has the most, %d."}
	lGroupCities       = plan.Text{ZH: "%s：%s", EN: "%s: %s"}
	lGroupSep          = plan.Text{ZH: "；", EN: "; "}
	sMatrix            = plan.Text{ZH: "附件1对每个产业在每个市州的布局评级：★★★为核心产业，★★为重点产业，空白为未布局。", EN: "Attachment 1 rates each industry in each city or prefecture: ★★★ core industry, ★★ key industry, blank not laid out."}
	sIndustriesPerCity = plan.Text{ZH: "每个市州布局的核心产业和重点产业个数（附件1）。", EN: "The number of core and key industries each city or prefecture lays out (attachment 1)."}
	sCitiesPerIndustry = plan.Text{ZH: "每个产业作为核心产业和重点产业布局的市州个数（附件1）。", EN: "The number of cities and prefectures where each industry is a core or a key industry (attachment 1)."}
	sIndustryMap       = plan.Text{ZH: "%s在%s布局：核心产业%s；重点产业%s。", EN: "%s is laid out in %s: core industry in %s; key industry in %s."}
	sCityMap           = plan.Text{ZH: "%s位于%s，属“%s”。", EN: "%s is in %s, part of “%s”."}
	lNoneListed        = plan.Text{ZH: "无", EN: "none"}
	lListSep           = plan.Text{ZH: "、", EN: ", "}
)
