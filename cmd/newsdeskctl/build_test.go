package main

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"newsdesk/store"
)

// goTool finds the go command that runs these tests.
func goTool(t *testing.T) string {
	t.Helper()
	p, err := exec.LookPath("go")
	if err != nil {
		t.Fatalf("these tests build newsdeskctl and need the go command on PATH: %v", err)
	}
	return p
}

// buildCtl builds newsdeskctl the way a server without a C compiler would.
func buildCtl(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "newsdeskctl")
	cmd := exec.Command(goTool(t), "build", "-o", bin, ".")
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("CGO_ENABLED=0 go build: %v\n%s", err, out)
	}
	return bin
}

func TestBuildsWithoutCgoOrFyne(t *testing.T) {
	cmd := exec.Command(goTool(t), "list", "-deps", ".")
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list -deps: %v", err)
	}
	deps := strings.Fields(string(out))
	if len(deps) < 10 {
		t.Fatalf("go list -deps printed too little: %q", out)
	}
	for _, d := range deps {
		if strings.HasPrefix(d, "fyne.io/") {
			t.Errorf("newsdeskctl depends on %s: the CLI must not import Fyne", d)
		}
	}
	bin := buildCtl(t)
	var stdout bytes.Buffer
	v := exec.Command(bin, "version")
	v.Stdout = &stdout
	if err := v.Run(); err != nil || !strings.HasPrefix(stdout.String(), "newsdeskctl ") {
		t.Errorf("built binary: version printed %q (%v)", stdout.String(), err)
	}
}

func TestStoreInUseByAnotherProcess(t *testing.T) {
	bin := buildCtl(t)
	dir := t.TempDir()
	st, err := store.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()

	var stdout, stderr bytes.Buffer
	cmd := exec.Command(bin, "--store", dir, "list")
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err = cmd.Run()
	var exit *exec.ExitError
	if !errors.As(err, &exit) || exit.ExitCode() != 1 {
		t.Fatalf("list on a store in use: %v, want exit status 1; stderr %q", err, stderr.String())
	}
	msg := stderr.String()
	if !strings.Contains(msg, dir) || !strings.Contains(msg, "in use") {
		t.Errorf("stderr %q should name the store %s and say it is in use", msg, dir)
	}
	if stdout.Len() != 0 {
		t.Errorf("stdout %q, want nothing", stdout.String())
	}

	// Once the holder lets go, the same command works.
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	stdout.Reset()
	stderr.Reset()
	cmd = exec.Command(bin, "--store", dir, "list", "--json")
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil || stdout.String() != "[]\n" {
		t.Errorf("list after release: %v, stdout %q, stderr %q", err, stdout.String(), stderr.String())
	}
}
