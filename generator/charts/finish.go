package charts

import "fmt"

// finish checks a built chart before it leaves the package.
func finish(c *Chart, narrow bool) error {
	if c.Option == nil || c.Width == 0 || c.Height == 0 {
		return fmt.Errorf("chart %s (%s) has no option or no size", c.ID, c.Lang)
	}
	if narrow && (c.Narrow == nil || c.Narrow.Option == nil || c.Narrow.Width != NarrowWidth || c.Narrow.Height == 0) {
		return fmt.Errorf("chart %s (%s) has no narrow layout %d px wide", c.ID, c.Lang, NarrowWidth)
	}
	if len(c.Table.Rows) == 0 {
		return fmt.Errorf("chart %s (%s) shows no data", c.ID, c.Lang)
	}
	if len(c.Table.Data) != len(c.Table.Rows) {
		return fmt.Errorf("chart %s (%s): %d table rows, %d rows of download cells", c.ID, c.Lang, len(c.Table.Rows), len(c.Table.Data))
	}
	for i, r := range c.Table.Rows {
		if len(r) != len(c.Table.Header) {
			return fmt.Errorf("chart %s (%s): table row %d has %d cells, the header %d", c.ID, c.Lang, i, len(r), len(c.Table.Header))
		}
		if len(r)+len(c.Table.Data[i]) != len(c.Table.Fields) {
			return fmt.Errorf("chart %s (%s): CSV row %d has %d cells, %d fields", c.ID, c.Lang, i, len(r)+len(c.Table.Data[i]), len(c.Table.Fields))
		}
	}
	for i, h := range c.Table.Header {
		if c.Table.Fields[i].Name != h {
			return fmt.Errorf("chart %s (%s): field %d is %q, the header %q", c.ID, c.Lang, i, c.Table.Fields[i].Name, h)
		}
	}
	return nil
}
