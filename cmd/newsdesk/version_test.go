package main

import (
	"os"
	"regexp"
	"testing"
)

// TestVersionMatchesFyneApp keeps the About box and the packaged app's
// metadata in step: a plain go build does not read FyneApp.toml.
func TestVersionMatchesFyneApp(t *testing.T) {
	data, err := os.ReadFile("../../FyneApp.toml")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?m)^\s*Version\s*=\s*"([^"]+)"`).FindSubmatch(data)
	if m == nil {
		t.Fatal("FyneApp.toml has no Version")
	}
	if string(m[1]) != Version {
		t.Errorf("Version = %q, FyneApp.toml says %q", Version, m[1])
	}
	if id := regexp.MustCompile(`(?m)^\s*ID\s*=\s*"([^"]+)"`).FindSubmatch(data); id == nil || string(id[1]) != AppID {
		t.Errorf("AppID = %q, FyneApp.toml says %q", AppID, id)
	}
}
