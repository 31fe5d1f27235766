package export

import (
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sync"
)

// job is one file of the new portal: carried over from the old portal
// when its key is unchanged, else made by write.
type job struct {
	path  string
	key   string
	write func(w io.Writer) error
	// after, when set, runs once the job is done, made or carried over.
	after func()
}

// stage builds the new portal in a folder beside the old one.
type stage struct {
	dir, old string // staging folder; old portal ("" if none)
	oldFiles map[string]File

	mu      sync.Mutex
	files   []File
	written []string
	kept    int
	dirs    sync.Map // folders already created
}

func newStage(dir, old string, oldFiles map[string]File) *stage {
	return &stage{dir: dir, old: old, oldFiles: oldFiles}
}

// carried reports whether j can be taken from the old portal.
func (st *stage) carried(j *job) bool {
	f, ok := st.oldFiles[j.path]
	return ok && st.old != "" && f.Key != "" && f.Key == j.key
}

// present reports whether the old portal still has j's file, whole.
func (st *stage) present(j *job) bool {
	src, err := within(st.old, j.path)
	if err != nil {
		return false
	}
	fi, err := os.Lstat(src)
	return err == nil && fi.Mode().IsRegular() && fi.Size() == st.oldFiles[j.path].Size
}

// do carries j over or makes it.
func (st *stage) do(j *job) error {
	dst, err := within(st.dir, j.path)
	if err != nil {
		return err
	}
	if err := st.mkdir(filepath.Dir(dst)); err != nil {
		return err
	}
	if st.carried(j) {
		if ok := st.link(j, dst); ok {
			return nil
		}
	}
	f, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return fmt.Errorf("write %s: %w", j.path, err)
	}
	h := sha256.New()
	cw := &countWriter{w: io.MultiWriter(f, h)}
	bw := bufio.NewWriterSize(cw, 64<<10)
	err = j.write(bw)
	if err == nil {
		err = bw.Flush()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("write %s: %w", j.path, err)
	}
	st.add(File{Path: j.path, SHA256: hex.EncodeToString(h.Sum(nil)), Size: cw.n, Key: j.key}, true)
	return nil
}

// link takes an unchanged file from the old portal by a hard link: no
// bytes are rewritten, and the old portal keeps its own name for it until
// the swap. Anything unexpected there (a symlink someone planted, another
// size) is made again rather than carried into the new portal. Where hard
// links are not available, the file is copied.
func (st *stage) link(j *job, dst string) bool {
	f := st.oldFiles[j.path]
	src, err := within(st.old, j.path)
	if err != nil {
		return false
	}
	fi, err := os.Lstat(src)
	if err != nil || !fi.Mode().IsRegular() || fi.Size() != f.Size {
		return false
	}
	if err := os.Link(src, dst); err != nil && copyFile(src, dst) != nil {
		return false
	}
	st.add(f, false)
	return true
}

func (st *stage) add(f File, written bool) {
	st.mu.Lock()
	defer st.mu.Unlock()
	st.files = append(st.files, f)
	if written {
		st.written = append(st.written, f.Path)
	} else {
		st.kept++
	}
}

func (st *stage) mkdir(d string) error {
	if _, ok := st.dirs.Load(d); ok {
		return nil
	}
	if err := os.MkdirAll(d, 0o755); err != nil {
		return fmt.Errorf("create folder %s: %w", d, err)
	}
	st.dirs.Store(d, true)
	return nil
}

// read returns a staged file (made or carried over in an earlier phase).
func (st *stage) read(rel string) ([]byte, error) {
	p, err := within(st.dir, rel)
	if err != nil {
		return nil, err
	}
	return os.ReadFile(p)
}

// run does jobs on workers; done is called after each one. The first
// error, or the context's cancellation, stops the others.
func (st *stage) run(ctx context.Context, jobs []*job, workers int, done func(*job)) error {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	next := make(chan *job)
	var wg sync.WaitGroup
	var once sync.Once
	var firstErr error
	fail := func(err error) { once.Do(func() { firstErr = err; cancel() }) }
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range next {
				if ctx.Err() != nil {
					continue
				}
				err := st.do(j)
				if j.after != nil {
					j.after()
				}
				if err != nil {
					fail(err)
					continue
				}
				done(j)
			}
		}()
	}
feed:
	for _, j := range jobs {
		select {
		case next <- j:
		case <-ctx.Done():
			break feed
		}
	}
	close(next)
	wg.Wait()
	if firstErr != nil {
		return firstErr
	}
	return ctx.Err()
}

type countWriter struct {
	w io.Writer
	n int64
}

func (c *countWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}
