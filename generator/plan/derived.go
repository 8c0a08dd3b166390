package plan

// Names is the glossary, with the cities' names.
func (p *Plan) Names() *Glossary { return p.glossary }

// Rating gives the industry's rating in a city, if the layout table rates it.
func (ind *Industry) Rating(city string) (Level, bool) {
	if ind.layout == nil {
		return "", false
	}
	r, ok := ind.layout.Ratings[city]
	return r.Level, ok
}

// StatedCount is 布局该产业的地市数量 as the layout table states it.
func (ind *Industry) StatedCount() int {
	if ind.layout == nil {
		return 0
	}
	return ind.layout.Count.N
}

// IndustryCities lists the cities where the industry is core and key, in
// the table's city order.
func (p *Plan) IndustryCities(ind *Industry) (core, key []*City) {
	for _, c := range p.Cities {
		switch l, _ := ind.Rating(c.Code.Value); l {
		case Core:
			core = append(core, c)
		case Key:
			key = append(key, c)
		}
	}
	return core, key
}

// CityIndustries lists the industries that are core and key in a city.
func (p *Plan) CityIndustries(c *City) (core, key []*Industry) {
	for _, ind := range p.Industries {
		switch l, _ := ind.Rating(c.Code.Value); l {
		case Core:
			core = append(core, ind)
		case Key:
			key = append(key, ind)
		}
	}
	return core, key
}

// Industry finds an industry by code.
func (p *Plan) Industry(code string) *Industry {
	for _, ind := range p.Industries {
		if ind.Code.Value == code {
			return ind
		}
	}
	return nil
}

// City finds a city by code.
func (p *Plan) City(code string) *City {
	for _, c := range p.Cities {
		if c.Code.Value == code {
			return c
		}
	}
	return nil
}

// UnitsLead tells how a safeguard's units share it: 牵头 names leads,
// 按职责分工负责 shares it by remit.
func (s *Safeguard) UnitsLead() bool {
	r := []rune(s.Responsibility.ZH)
	return len(r) >= 2 && string(r[len(r)-2:]) == "牵头"
}
