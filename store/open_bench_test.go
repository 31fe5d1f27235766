package store_test

import (
	"testing"
)

// BenchmarkOpenClose is what every newsdeskctl command pays before its
// work: opening and closing a small store.
func BenchmarkOpenClose(b *testing.B) {
	dir := b.TempDir()
	s := MustOpen(b, dir)
	save(b, newService(s), sampleArticle(1), "Li Na")
	s.Close()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		s := MustOpen(b, dir)
		if err := s.Close(); err != nil {
			b.Fatal(err)
		}
	}
}
