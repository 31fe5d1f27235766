package store

import (
	"bufio"
	"context"
	"encoding/binary"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/dgraph-io/badger/v4"

	"newsdesk/app"
)

// backupMagic starts every backup, so that `load` recognises a Newsdesk
// backup (and its schema) before it writes anything.
const backupMagic = "NEWSDESK-BACKUP"

// Backup writes the whole store (every revision, chunk, blob and index) to
// w: a header line, then Badger's backup stream.
func (s *Store) Backup(ctx context.Context, w io.Writer) error {
	if s.db == nil {
		return errClosed
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	if _, err := fmt.Fprintf(w, "%s %d\n", backupMagic, SchemaVersion); err != nil {
		return fmt.Errorf("backup %s: %w", s.path, err)
	}
	if _, err := s.db.Backup(w, 0); err != nil {
		return fmt.Errorf("backup %s: %w", s.path, err)
	}
	return nil
}

// Load reads a backup into this store, which must be empty. If the backup
// is malformed the store is emptied again, as it was before.
func (s *Store) Load(ctx context.Context, r io.Reader) error {
	br := bufio.NewReader(r)
	line, err := br.ReadString('\n')
	fields := strings.Fields(line)
	if err != nil || len(fields) != 2 || fields[0] != backupMagic {
		return app.Errorf(app.EINVALID, "not a Newsdesk backup (it should start with %q)", backupMagic)
	}
	v, err := strconv.Atoi(fields[1])
	if err != nil || v < 1 {
		return app.Errorf(app.EINVALID, "backup has a malformed schema version %q", fields[1])
	}
	if v > SchemaVersion {
		return app.Errorf(app.ESCHEMA, "backup was written by a newer Newsdesk (schema %d; this version reads up to %d)", v, SchemaVersion)
	}
	empty, err := s.isEmpty(ctx) // fails on a closed store
	if err != nil {
		return err
	}
	if !empty {
		return app.Errorf(app.EINVALID, "store %s is not empty: load a backup into a new store folder", s.path)
	}
	if err := s.db.Load(&frameChecker{r: br}, 256); err != nil {
		if derr := s.reset(); derr != nil {
			return fmt.Errorf("load backup: %w (and emptying the store again failed: %v)", err, derr)
		}
		return app.Errorf(app.EINVALID, "backup is damaged, nothing was loaded: %v", err)
	}
	return nil
}

// reset empties the store and stamps it again.
func (s *Store) reset() error {
	if err := s.db.DropAll(); err != nil {
		return err
	}
	return s.checkSchema()
}

func (s *Store) isEmpty(ctx context.Context) (bool, error) {
	empty := true
	err := s.view(ctx, func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.IteratorOptions{})
		defer it.Close()
		for it.Rewind(); it.Valid(); it.Next() {
			if string(it.Item().Key()) != string(keySchema) {
				empty = false
				return nil
			}
		}
		return nil
	})
	return empty, err
}

// maxFrame bounds one frame of Badger's backup stream (a length-prefixed
// protobuf list of entries). Badger allocates whatever length it reads, so
// a damaged length must be refused here, before it asks for terabytes.
const maxFrame = 256 << 20

// frameChecker passes a backup stream through, checking each frame length.
type frameChecker struct {
	r      io.Reader
	hdr    [8]byte
	inHdr  int    // header bytes seen of the current frame
	remain uint64 // payload bytes left in the current frame
}

func (f *frameChecker) Read(p []byte) (int, error) {
	if f.inHdr == 8 && f.remain == 0 {
		f.inHdr = 0
	}
	if f.inHdr < 8 {
		// Hand out the header byte by byte: simple, and headers are rare.
		n, err := f.r.Read(p[:1])
		if n == 1 {
			f.hdr[f.inHdr] = p[0]
			f.inHdr++
			if f.inHdr == 8 {
				f.remain = binary.LittleEndian.Uint64(f.hdr[:])
				if f.remain > maxFrame {
					return 0, fmt.Errorf("backup frame of %d bytes is larger than %d: the file is damaged", f.remain, maxFrame)
				}
			}
		}
		return n, err
	}
	if uint64(len(p)) > f.remain {
		p = p[:f.remain]
	}
	n, err := f.r.Read(p)
	f.remain -= uint64(n)
	return n, err
}
