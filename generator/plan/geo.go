package plan

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
)

// GeoFile is the map geometry of the 14 divisions, under the data folder.
const GeoFile = "geo/hunan.json"

// readMapNames reads the names of the map's regions (feature property
// "name"), so that validation can match them with the cities.
func (l *loader) readMapNames() []string {
	lg := l.log(GeoFile)
	b, err := os.ReadFile(filepath.Join(l.dir, GeoFile))
	if err != nil {
		lg.add(0, "", "cannot read the map geometry: %v", err)
		return nil
	}
	var geo struct {
		Features []struct {
			Properties struct {
				Name string `json:"name"`
			} `json:"properties"`
		} `json:"features"`
	}
	if err := json.Unmarshal(b, &geo); err != nil {
		lg.add(0, "", "not GeoJSON: %v", err)
		return nil
	}
	var names []string
	for i, f := range geo.Features {
		if f.Properties.Name == "" {
			lg.add(0, fmt.Sprintf("features[%d].properties.name", i), "a region without a name")
			continue
		}
		names = append(names, f.Properties.Name)
	}
	return names
}

// checkMapNames matches the map's regions with the cities one to one.
func checkMapNames(p *Plan, l *loader, names []string) {
	regions := map[string]int{}
	for _, n := range names {
		regions[n]++
	}
	cityLog := l.log("cities.yaml")
	used := map[string]bool{}
	codes := map[string]bool{}
	complete := true // every city names its region
	for i, c := range p.Cities {
		dup := codes[c.Code.Value]
		codes[c.Code.Value] = true
		switch {
		case c.MapName == "":
			complete = false
			continue // reported by the city checks
		case dup:
			continue // a duplicate city, reported as such
		case regions[c.MapName] == 0:
			cityLog.add(c.Code.Line, fmt.Sprintf("[%d].map_name", i), "the map has no region %q", c.MapName)
		case used[c.MapName]:
			cityLog.add(c.Code.Line, fmt.Sprintf("[%d].map_name", i), "another city already uses the map region %q", c.MapName)
		}
		used[c.MapName] = true
	}
	geoLog := l.log(GeoFile)
	for _, n := range sortedKeys(regions) {
		if regions[n] > 1 {
			geoLog.add(0, "", "the map has %d regions named %q", regions[n], n)
		}
		if complete && !used[n] {
			geoLog.add(0, "", "the map's region %q is no city of cities.yaml", n)
		}
	}
}
