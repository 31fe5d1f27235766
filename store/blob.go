package store

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"

	"github.com/dgraph-io/badger/v4"

	"newsdesk/app"
)

const blobRefPrefix = "sha256:"

// PutBlob stores data once, keyed by its SHA-256, and returns "sha256:<hex>".
func (s *Store) PutBlob(ctx context.Context, data []byte) (string, error) {
	sum := sha256.Sum256(data)
	key := blobKey(sum)
	err := s.update(ctx, func(txn *badger.Txn) error {
		if _, err := txn.Get(key); err == nil {
			return nil // the same bytes are already stored
		} else if !errors.Is(err, badger.ErrKeyNotFound) {
			return err
		}
		return txn.Set(key, data)
	})
	if err != nil {
		return "", fmt.Errorf("store blob: %w", err)
	}
	return blobRefPrefix + hex.EncodeToString(sum[:]), nil
}

// Blob returns the bytes of a reference made by PutBlob.
func (s *Store) Blob(ctx context.Context, ref string) ([]byte, error) {
	sum, err := parseBlobRef(ref)
	if err != nil {
		return nil, err
	}
	var out []byte
	err = s.view(ctx, func(txn *badger.Txn) error {
		item, err := txn.Get(blobKey(sum))
		if errors.Is(err, badger.ErrKeyNotFound) {
			return app.Errorf(app.ENOTFOUND, "blob %s not found", ref)
		}
		if err != nil {
			return err
		}
		out, err = item.ValueCopy(nil)
		return err
	})
	return out, err
}

// parseBlobRef turns "sha256:<hex>" into the blob's key bytes.
func parseBlobRef(ref string) ([32]byte, error) {
	var sum [32]byte
	raw, err := hex.DecodeString(strings.TrimPrefix(ref, blobRefPrefix))
	if !strings.HasPrefix(ref, blobRefPrefix) || err != nil || len(raw) != sha256.Size {
		return sum, app.Errorf(app.EINVALID, "%q is not a blob reference (sha256:<64 hex digits>)", ref)
	}
	copy(sum[:], raw)
	return sum, nil
}
