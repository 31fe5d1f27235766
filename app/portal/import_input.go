package portal

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"newsdesk/app"
)

// MaxFileBytes bounds one import file. A section page is tens of kilobytes
// and a day of agency copy a few megabytes; a file past this is the wrong
// file, and one file is saved in one transaction, which must stay small.
const MaxFileBytes = 16 << 20

// Input is one file to import: a path on disk, or a stream the GUI opened.
type Input struct {
	// Name names the input in messages and in the revision message.
	Name string
	// Open returns the content; nil means "read the file Name".
	Open func() (io.ReadCloser, error)
}

// Files returns inputs for paths on disk.
func Files(paths ...string) []Input {
	out := make([]Input, len(paths))
	for i, p := range paths {
		out[i] = Input{Name: p}
	}
	return out
}

// Reader returns an input reading r, named name in messages.
func Reader(name string, r io.Reader) Input {
	return Input{Name: name, Open: func() (io.ReadCloser, error) { return io.NopCloser(r), nil }}
}

// read returns the input's bytes, refusing files past MaxFileBytes before
// reading them whole.
func (in Input) read() ([]byte, error) {
	open := in.Open
	if open == nil {
		if st, err := os.Stat(in.Name); err == nil && st.Size() > MaxFileBytes {
			return nil, tooBig(in.Name, st.Size())
		} else if err == nil && st.IsDir() {
			return nil, app.Errorf(app.EINVALID, "%s is a folder; give the files in it", in.Name)
		}
		open = func() (io.ReadCloser, error) { return os.Open(in.Name) }
	}
	rc, err := open()
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err // the path is the input's name, said once
		}
		return nil, app.Errorf(app.EINVALID, "%s: cannot read it: %v", in.Name, err)
	}
	defer rc.Close()
	data, err := io.ReadAll(io.LimitReader(rc, MaxFileBytes+1))
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", in.Name, err)
	}
	if len(data) > MaxFileBytes {
		return nil, tooBig(in.Name, int64(len(data)))
	}
	return data, nil
}

func tooBig(name string, size int64) error {
	return app.Errorf(app.EINVALID, "%s is %s, more than the %d MB an import file may have; split it into smaller files",
		name, humanSize(size), MaxFileBytes>>20)
}

func humanSize(n int64) string {
	if n > MaxFileBytes {
		return fmt.Sprintf("more than %d MB", MaxFileBytes>>20)
	}
	return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
}

// checkText makes sure data is text the importer can read: not empty, not
// binary, UTF-8. It returns the text without a byte-order mark. Errors
// name the line (and column) of the first offending byte.
func checkText(name string, data []byte) (string, error) {
	switch {
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}), bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		return "", app.Errorf(app.EINVALID, "%s is UTF-16 text; save it as UTF-8 and import it again", name)
	}
	data = bytes.TrimPrefix(data, []byte("\xEF\xBB\xBF"))
	if len(bytes.TrimSpace(data)) == 0 {
		return "", app.Errorf(app.EINVALID, "%s is empty: there is nothing to import", name)
	}
	if kind := binaryKind(data); kind != "" {
		return "", app.Errorf(app.EINVALID, "%s is %s, not a portal page or ninjs JSON", name, kind)
	}
	if i := bytes.IndexByte(data, 0); i >= 0 {
		line, col := position(data, i)
		return "", app.Errorf(app.EINVALID, "%s line %d, column %d: binary data (a NUL byte), not text", name, line, col)
	}
	if !utf8.Valid(data) {
		i := firstInvalid(data)
		line, col := position(data, i)
		return "", app.Errorf(app.EINVALID, "%s line %d, column %d: invalid UTF-8 (byte 0x%02X); save the file as UTF-8", name, line, col, data[i])
	}
	controls := 0
	for _, b := range data {
		if b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f' {
			controls++
		}
	}
	if controls > len(data)/20 {
		return "", app.Errorf(app.EINVALID, "%s is binary data (%d control bytes), not text", name, controls)
	}
	return string(data), nil
}

// binaryKind names common binary formats by their magic numbers, so that
// the message says "a PDF document" rather than just "binary".
func binaryKind(data []byte) string {
	for _, m := range []struct{ magic, kind string }{
		{"%PDF-", "a PDF document"}, {"\x89PNG", "a PNG image"}, {"\xFF\xD8\xFF", "a JPEG image"},
		{"GIF8", "a GIF image"}, {"PK\x03\x04", "a ZIP archive (or a Word/Excel file)"},
		{"\x1F\x8B", "a gzip archive"}, {"\x7FELF", "a program"},
	} {
		if bytes.HasPrefix(data, []byte(m.magic)) {
			return m.kind
		}
	}
	return ""
}

func firstInvalid(data []byte) int {
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return len(data)
}

// position turns a byte offset into a line and a character column.
func position(data []byte, off int) (line, col int) {
	off = max(0, min(off, len(data)))
	line = 1 + bytes.Count(data[:off], []byte("\n"))
	start := bytes.LastIndexByte(data[:off], '\n') + 1
	return line, 1 + utf8.RuneCount(data[start:off])
}

// detectFormat chooses between portal text and ninjs JSON: the extension
// first, then the content (JSON starts with { or [).
func detectFormat(name string, text string) Format {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".json", ".jsonl", ".ndjson":
		return FormatNinjs
	case ".txt", ".text":
		return FormatPortal
	}
	t := strings.TrimLeft(text, " \t\r\n")
	if strings.HasPrefix(t, "{") || strings.HasPrefix(t, "[") {
		return FormatNinjs
	}
	return FormatPortal
}
