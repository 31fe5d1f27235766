// Package store keeps Newsdesk's articles on an embedded Badger database.
// It is the only package that imports Badger.
//
// # Scheme
//
// Every save appends an immutable revision. A revision is not a full copy
// of the article: the article is cut into chunks (its metadata as one JSON
// chunk, its body into paragraph-sized pieces, see chunk.go) stored under
// content-hash keys per article, and the revision record lists the chunks
// it is made of. A copy edit touches one or two paragraphs, so a save writes
// the record, those new chunks, the article's head and its index keys, in
// one transaction with SyncWrites: one fsync, and every chunk of any
// revision is one key lookup away. That keeps the three costs in balance:
//
//   - a save costs a few small writes (no diff to compute),
//   - reading any revision costs one Get per chunk, whatever its age (no
//     delta chain to replay),
//   - the history grows by the changed paragraphs only, compressed by
//     Badger's block compression (ZSTD).
//
// Full copies per revision cost about 4x git's packed size; delta chains
// cost 40-140 ms to read an old revision (../shared/bench/ANCHORS.md). The
// measured figures of this scheme are in README.md (Performance).
//
// The head of an article (its Summary) and its index keys are derived
// data, rewritten on every save; key layout is in keys.go.
package store

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"os"
	"path/filepath"
	"time"

	"github.com/dgraph-io/badger/v4"
	"github.com/dgraph-io/badger/v4/options"

	"newsdesk/app"
)

// errClosed answers calls made after Close, instead of a nil dereference.
var errClosed = app.Errorf(app.EINTERNAL, "the store is closed")

// SchemaVersion is the layout this code writes. A store stamped with a
// higher number was written by a newer Newsdesk and is refused.
const SchemaVersion = 1

// Store is an app.Store on Badger.
type Store struct {
	db   *badger.DB
	lock *lockFile
	path string
	log  *slog.Logger
	// recent caches the latest chunks of recently saved articles.
	recent recentStates
}

var _ app.Store = (*Store)(nil)

// Open opens (creating if needed) the store in dir. Only one process may
// have a store open: a second Open fails with app.ELOCKED, naming the
// holder. Saves are durable when they return (SyncWrites).
func Open(dir string) (*Store, error) {
	if dir == "" {
		return nil, app.Errorf(app.EINVALID, "no store folder given")
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, fmt.Errorf("store %s: %w", dir, err)
	}
	// The folder is private to its user: it holds unpublished copy.
	if err := os.MkdirAll(abs, 0o700); err != nil {
		return nil, fmt.Errorf("create store %s: %w", abs, err)
	}
	if err := os.Chmod(abs, 0o700); err != nil {
		return nil, fmt.Errorf("store %s: %w", abs, err)
	}
	lock, err := acquireLock(abs)
	if err != nil {
		return nil, err
	}
	opts := options_(filepath.Join(abs, "db")).WithSyncWrites(true)
	db, err := badger.Open(opts)
	if err != nil {
		lock.release()
		return nil, fmt.Errorf("open store %s: %w", abs, err)
	}
	s := &Store{db: db, lock: lock, path: abs, log: slog.Default()}
	if err := s.checkSchema(); err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

// OpenMemory opens a store that lives in memory only: for tests.
func OpenMemory() (*Store, error) {
	db, err := badger.Open(options_("").WithInMemory(true))
	if err != nil {
		return nil, fmt.Errorf("open in-memory store: %w", err)
	}
	s := &Store{db: db, path: "(memory)", log: slog.Default()}
	if err := s.checkSchema(); err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

// options_ are chosen for a desktop app: modest memory (a Badger default
// store takes 256 MiB of block cache and 64 MiB memtables), ZSTD so that
// the history of many similar revisions packs tightly, values in the LSM
// tree (compressed) unless they are large photos. The memtable size sets
// what every open costs (its arena is allocated up front: 32 MiB took
// 21 ms per open, 16 MiB 13 ms, which every newsdeskctl command pays) and
// the largest transaction (15% of it: 2.4 MiB, far above one article and
// its index entries; bulk paths use write batches).
func options_(dir string) badger.Options {
	return badger.DefaultOptions(dir).
		WithLogger(badgerLogger{slog.Default()}).
		WithCompression(options.ZSTD).
		WithZSTDCompressionLevel(3).
		WithMemTableSize(16 << 20).
		WithBlockCacheSize(64 << 20).
		WithValueThreshold(256 << 10).
		WithBlockSize(16 << 10).
		WithNumVersionsToKeep(1).
		WithMetricsEnabled(false)
}

func (s *Store) checkSchema() error {
	return s.db.Update(func(txn *badger.Txn) error {
		item, err := txn.Get(keySchema)
		if errors.Is(err, badger.ErrKeyNotFound) {
			return txn.Set(keySchema, uint32Bytes(SchemaVersion))
		}
		if err != nil {
			return fmt.Errorf("read schema version of %s: %w", s.path, err)
		}
		v, err := item.ValueCopy(nil)
		if err != nil {
			return fmt.Errorf("read schema version of %s: %w", s.path, err)
		}
		if len(v) != 4 {
			return app.Errorf(app.ESCHEMA, "store %s has a malformed schema version; it may not be a Newsdesk store", s.path)
		}
		if n := bytesUint32(v); n > SchemaVersion {
			return app.Errorf(app.ESCHEMA, "store %s was written by a newer Newsdesk (schema %d; this version reads up to %d): upgrade Newsdesk to open it", s.path, n, SchemaVersion)
		}
		return nil
	})
}

// Path is the store's folder.
func (s *Store) Path() string { return s.path }

// Close flushes and closes the database, then releases the lock.
func (s *Store) Close() error {
	if s.db == nil {
		return nil
	}
	err := s.db.Close()
	s.db = nil
	if lerr := s.lock.release(); err == nil {
		err = lerr
	}
	if err != nil {
		return fmt.Errorf("close store %s: %w", s.path, err)
	}
	return nil
}

// Compact rewrites the tables so that superseded heads and index keys are
// dropped and the value log is reclaimed: the store's `git gc`.
func (s *Store) Compact() error {
	if s.db == nil {
		return errClosed
	}
	if err := s.db.Flatten(2); err != nil {
		return fmt.Errorf("compact %s: %w", s.path, err)
	}
	for s.db.RunValueLogGC(0.5) == nil {
	}
	return nil
}

// update runs fn in a read-write transaction, retrying when a concurrent
// transaction touched the same keys (two saves of one article, a save and
// the search indexer): the loser re-reads and re-checks, and the base-
// revision check then reports a real conflict to the editor. Backoff with
// jitter keeps racing writers from colliding again in lockstep.
func (s *Store) update(ctx context.Context, fn func(txn *badger.Txn) error) error {
	if s.db == nil {
		return errClosed
	}
	var err error
	wait := 200 * time.Microsecond
	for attempt := 0; attempt < 60; attempt++ {
		if err := ctx.Err(); err != nil {
			return err
		}
		err = s.db.Update(fn)
		if !errors.Is(err, badger.ErrConflict) {
			return err
		}
		time.Sleep(wait + time.Duration(rand.Int64N(int64(wait))))
		wait = min(2*wait, 20*time.Millisecond)
	}
	return fmt.Errorf("store busy: other writers kept changing the same article: %w", err)
}

func (s *Store) view(ctx context.Context, fn func(txn *badger.Txn) error) error {
	if s.db == nil {
		return errClosed
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	return s.db.View(fn)
}

func uint32Bytes(v uint32) []byte {
	return []byte{byte(v >> 24), byte(v >> 16), byte(v >> 8), byte(v)}
}

func bytesUint32(b []byte) uint32 {
	return uint32(b[0])<<24 | uint32(b[1])<<16 | uint32(b[2])<<8 | uint32(b[3])
}

// badgerLogger sends Badger's chatter to slog: warnings and errors only,
// since its info lines (compactions, replays) mean nothing to editors.
type badgerLogger struct{ l *slog.Logger }

func (b badgerLogger) Errorf(f string, a ...any)   { b.l.Error("badger: " + fmt.Sprintf(f, a...)) }
func (b badgerLogger) Warningf(f string, a ...any) { b.l.Warn("badger: " + fmt.Sprintf(f, a...)) }
func (b badgerLogger) Infof(string, ...any)        {}
func (b badgerLogger) Debugf(string, ...any)       {}
