package pipeline

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
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
		m := map[string]any{"jobs": part}
		for k, v := range settings {
			m[k] = v
		}
		var buf bytes.Buffer
		enc := json.NewEncoder(&buf)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(m); err != nil {
			return err
		}
		file := filepath.Join(root, GeneratedDir, fmt.Sprintf("%s-%d.json", name, i))
		if err := os.WriteFile(file, buf.Bytes(), 0o644); err != nil {
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
