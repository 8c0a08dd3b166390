package epub

import (
	"archive/zip"
	"bytes"
	"time"
)

// entry is one file of the container, by its path inside it.
type entry struct {
	name string
	data []byte
}

// pack writes the OCF container: mimetype first and stored, as the
// standard requires of it, then the other files deflated in the order
// given. Every entry carries the edition's date as its time and no extra
// field, so that the same edition is the same bytes on every build (and
// the render caches and a CDN can keep it).
func pack(files []entry, day time.Time) ([]byte, error) {
	var buf bytes.Buffer
	w := zip.NewWriter(&buf)
	date, clock := dosTime(day)
	add := func(name string, data []byte, method uint16) error {
		h := &zip.FileHeader{Name: name, Method: method}
		// Modified would add an extended-timestamp extra field, which OCF
		// forbids on the mimetype entry: the MS-DOS fields carry the time.
		//lint:ignore SA1019 see above
		h.ModifiedDate, h.ModifiedTime = date, clock
		f, err := w.CreateHeader(h)
		if err != nil {
			return err
		}
		_, err = f.Write(data)
		return err
	}
	if err := add("mimetype", []byte(mediaType), zip.Store); err != nil {
		return nil, err
	}
	for _, f := range files {
		if err := add(f.name, f.data, zip.Deflate); err != nil {
			return nil, err
		}
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// mediaType is the EPUB container's media type, the mimetype file's bytes.
const mediaType = "application/epub+zip"

// dosTime encodes a time as the ZIP headers' MS-DOS date and time.
func dosTime(t time.Time) (date, clock uint16) {
	t = t.UTC()
	date = uint16(t.Day() + int(t.Month())<<5 + (t.Year()-1980)<<9)
	clock = uint16(t.Second()/2 + t.Minute()<<5 + t.Hour()<<11)
	return date, clock
}

const containerXML = `<?xml version="1.0" encoding="UTF-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
  <rootfiles>
    <rootfile full-path="OEBPS/package.opf" media-type="application/oebps-package+xml"/>
  </rootfiles>
</container>
`
