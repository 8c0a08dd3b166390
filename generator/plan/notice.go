package plan

import "regexp"

var numberYear = regexp.MustCompile(`〔(\d{4})〕`)

// Year is the year of issue as the document number gives it
// (湘政办发〔2023〕54号: 2023). The source copy prints no date of its own,
// so this is all a citation can say of when the plan was issued.
func (n Notice) Year() string {
	if m := numberYear.FindStringSubmatch(n.Number.ZH); m != nil {
		return m[1]
	}
	return ""
}
