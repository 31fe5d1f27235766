package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"

	"github.com/dgraph-io/badger/v4"
	"github.com/google/uuid"

	"newsdesk/app"
)

// Setting returns a stored newsroom setting.
func (s *Store) Setting(ctx context.Context, name string) ([]byte, error) {
	var out []byte
	err := s.view(ctx, func(txn *badger.Txn) error {
		item, err := txn.Get(cat(prefixSetting, []byte(name)))
		if errors.Is(err, badger.ErrKeyNotFound) {
			return app.Errorf(app.ENOTFOUND, "setting %q is not set", name)
		}
		if err != nil {
			return err
		}
		out, err = item.ValueCopy(nil)
		return err
	})
	return out, err
}

// PutSetting stores a newsroom setting.
func (s *Store) PutSetting(ctx context.Context, name string, value []byte) error {
	if name == "" {
		return app.Errorf(app.EINVALID, "a setting needs a name")
	}
	return s.update(ctx, func(txn *badger.Txn) error {
		return txn.Set(cat(prefixSetting, []byte(name)), value)
	})
}

// PutRecovery writes a recovery slot.
func (s *Store) PutRecovery(ctx context.Context, key string, data []byte) error {
	return s.update(ctx, func(txn *badger.Txn) error {
		return txn.Set(cat(prefixRecovery, []byte(key)), data)
	})
}

// DeleteRecovery empties a recovery slot (after a save or a discard).
func (s *Store) DeleteRecovery(ctx context.Context, key string) error {
	return s.update(ctx, func(txn *badger.Txn) error {
		return txn.Delete(cat(prefixRecovery, []byte(key)))
	})
}

// Recoveries returns every recovery slot, for the start-up offer.
func (s *Store) Recoveries(ctx context.Context) (map[string][]byte, error) {
	out := map[string][]byte{}
	err := s.view(ctx, func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.IteratorOptions{Prefix: prefixRecovery, PrefetchValues: true})
		defer it.Close()
		for it.Rewind(); it.Valid(); it.Next() {
			v, err := it.Item().ValueCopy(nil)
			if err != nil {
				return err
			}
			out[string(it.Item().Key()[len(prefixRecovery):])] = v
		}
		return nil
	})
	return out, err
}

// RecordExports appends records to the export log in one transaction.
func (s *Store) RecordExports(ctx context.Context, recs []app.ExportRecord) error {
	ids := make([][16]byte, len(recs))
	for i, r := range recs {
		id, err := parseID(r.ArticleID)
		if err != nil {
			return app.Errorf(app.EINVALID, "export record %d: %v", i+1, err)
		}
		ids[i] = id
	}
	return s.update(ctx, func(txn *badger.Txn) error {
		for i, r := range recs {
			v, err := json.Marshal(r)
			if err != nil {
				return err
			}
			var n [4]byte
			n[0], n[1], n[2], n[3] = byte(i>>24), byte(i>>16), byte(i>>8), byte(i)
			if err := txn.Set(cat(prefixExpLog, ids[i][:], timeBytes(r.Time), n[:]), v); err != nil {
				return fmt.Errorf("export log: %w", err)
			}
			if r.Result == "exported" {
				if err := txn.Set(exportedKey(r.Target, ids[i]), []byte(strconv.Itoa(r.Revision))); err != nil {
					return fmt.Errorf("export state: %w", err)
				}
			}
		}
		return nil
	})
}

// ExportedRevisions returns the last revision of each article exported to
// target.
func (s *Store) ExportedRevisions(ctx context.Context, target string) (map[string]int, error) {
	out := map[string]int{}
	prefix := cat(prefixExported, []byte(target), []byte{0})
	err := s.view(ctx, func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.IteratorOptions{Prefix: prefix, PrefetchValues: true})
		defer it.Close()
		for it.Rewind(); it.Valid(); it.Next() {
			k := it.Item().Key()
			if len(k) != len(prefix)+idLen {
				continue
			}
			v, err := it.Item().ValueCopy(nil)
			if err != nil {
				return err
			}
			n, err := strconv.Atoi(string(v))
			if err != nil {
				return fmt.Errorf("export state of %s: %w", target, err)
			}
			out[uuid.UUID([16]byte(k[len(prefix):])).String()] = n
		}
		return nil
	})
	return out, err
}

// ExportLog returns an article's export records, oldest first.
func (s *Store) ExportLog(ctx context.Context, id string) ([]app.ExportRecord, error) {
	key, err := parseID(id)
	if err != nil {
		return nil, app.Errorf(app.ENOTFOUND, "%v", err)
	}
	var out []app.ExportRecord
	prefix := cat(prefixExpLog, key[:])
	err = s.view(ctx, func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.IteratorOptions{Prefix: prefix, PrefetchValues: true})
		defer it.Close()
		for it.Rewind(); it.Valid(); it.Next() {
			var r app.ExportRecord
			if err := it.Item().Value(func(v []byte) error { return json.Unmarshal(v, &r) }); err != nil {
				return fmt.Errorf("export log of %s: %w", id, err)
			}
			out = append(out, r)
		}
		return nil
	})
	return out, err
}
