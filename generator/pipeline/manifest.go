package pipeline

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"image"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
)

// scriptJob is one entry of a manifest for the Node scripts (the protocol is
// scripts/manifest.mjs): the file it reads and the one it writes, relative
// to the project root; a raster job adds the PNG's size.
type scriptJob struct {
	In     string `json:"in"`
	Out    string `json:"out"`
	Width  int    `json:"width,omitempty"`
	Height int    `json:"height,omitempty"`
}

// newJob makes a job of two absolute paths under root.
func newJob(root, in, out string) (scriptJob, error) {
	ri, err := filepath.Rel(root, in)
	if err != nil {
		return scriptJob{}, err
	}
	ro, err := filepath.Rel(root, out)
	if err != nil {
		return scriptJob{}, err
	}
	return scriptJob{In: filepath.ToSlash(ri), Out: filepath.ToSlash(ro)}, nil
}

// writeManifest writes generated/<name>.json: the jobs, and the settings
// they share, as the scripts read them (scripts/manifest.mjs).
func writeManifest(root, name string, settings map[string]any, jobs []scriptJob) (string, error) {
	m := map[string]any{"jobs": jobs}
	for k, v := range settings {
		m[k] = v
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(m); err != nil {
		return "", err
	}
	file := filepath.Join(root, GeneratedDir, name+".json")
	return file, os.WriteFile(file, buf.Bytes(), 0o644)
}

// runScript runs node <script> over jobs, with the settings every job
// shares, split among at most procs processes at once (the chart renderer
// draws on one thread; two processes use both cores). Each process gets
// its own manifest, generated/<name>-<i>.json.
func runScript(root, script, name string, settings map[string]any, jobs []scriptJob, procs int) error {
	if len(jobs) == 0 {
		return nil
	}
	procs = max(1, min(procs, len(jobs)))
	errs := make([]error, procs)
	var wg sync.WaitGroup
	for i := 0; i < procs; i++ {
		// Every procs-th scriptJob: the costly ones (maps) are spread evenly.
		var part []scriptJob
		for j := i; j < len(jobs); j += procs {
			part = append(part, jobs[j])
		}
		file, err := writeManifest(root, fmt.Sprintf("%s-%d", name, i), settings, part)
		if err != nil {
			return err
		}
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			errs[i] = runTool(root, "node", filepath.Join("scripts", script), file)
		}(i)
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// streamScript runs node <script> over jobs whose out is "-": the script
// writes each result to stdout as a frame ("RGBA", the job's index, width
// and height as 32-bit big-endian numbers, then width × height × 4 bytes;
// see scripts/rasterise.mjs), and each frame is handed to use, on as many
// goroutines as there are cores, while the script goes on drawing.
func streamScript(root, script, name string, settings map[string]any, jobs []scriptJob, use func(i int, img *image.NRGBA) error) error {
	file, err := writeManifest(root, name, settings, jobs)
	if err != nil {
		return err
	}
	cmd := exec.Command("node", filepath.Join("scripts", script), file)
	cmd.Dir = root
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		return err
	}
	if err := cmd.Start(); err != nil {
		return err
	}

	type frame struct {
		i   int
		img *image.NRGBA
	}
	frames := make(chan frame, 1)
	errs := make(chan error, runtime.GOMAXPROCS(0)+1)
	var wg sync.WaitGroup
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for f := range frames {
				if err := use(f.i, f.img); err != nil {
					errs <- err
					return
				}
			}
		}()
	}
	readErr := func() error {
		r := bufio.NewReaderSize(out, 1<<20)
		seen := map[int]bool{}
		for {
			var head [16]byte
			if _, err := io.ReadFull(r, head[:]); err == io.EOF {
				if len(seen) != len(jobs) {
					return fmt.Errorf("%s drew %d of %d pictures", script, len(seen), len(jobs))
				}
				return nil
			} else if err != nil {
				return fmt.Errorf("%s: a broken frame: %w", script, err)
			}
			i := int(binary.BigEndian.Uint32(head[4:]))
			w, h := int(binary.BigEndian.Uint32(head[8:])), int(binary.BigEndian.Uint32(head[12:]))
			if string(head[:4]) != "RGBA" || i >= len(jobs) || seen[i] || w != jobs[i].Width || h != jobs[i].Height {
				return fmt.Errorf("%s: an unexpected frame (%q, job %d, %d × %d)", script, head[:4], i, w, h)
			}
			seen[i] = true
			img := image.NewNRGBA(image.Rect(0, 0, w, h))
			if _, err := io.ReadFull(r, img.Pix); err != nil {
				return fmt.Errorf("%s: frame of job %d cut short: %w", script, i, err)
			}
			select {
			case frames <- frame{i, img}:
			case err := <-errs:
				return err
			}
		}
	}()
	close(frames)
	if readErr != nil {
		io.Copy(io.Discard, out) // let the script end
	}
	wg.Wait()
	waitErr := cmd.Wait()
	if waitErr != nil {
		return fmt.Errorf("node %s %s: %w\n%s", script, file, waitErr, strings.TrimSpace(stderr.String()))
	}
	if readErr != nil {
		return readErr
	}
	select {
	case err := <-errs:
		return err
	default:
		return nil
	}
}
