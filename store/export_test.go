package store

import "github.com/dgraph-io/badger/v4"

// StampSchemaForTest writes a schema version into a closed store, as a
// newer Newsdesk would have.
func StampSchemaForTest(dir string, v uint32) error {
	s, err := Open(dir)
	if err != nil {
		return err
	}
	defer s.Close()
	return s.db.Update(func(txn *badger.Txn) error { return txn.Set(keySchema, uint32Bytes(v)) })
}
