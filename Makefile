# Newsdesk build. GNU make; `make run` opens the GUI, `make test` is what CI runs.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := build

GO ?= go
# Every build and test of code that imports Fyne needs this tag (FyneApp.toml:
# [Migrations] fyneDo = true).
TAGS := migrated_fynedo
BIN := bin
BENCHTIME ?= 200ms
TEST_TIMEOUT ?= 20m

# apt-get needs root: use sudo only when we are not root already.
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

# Debian/Ubuntu packages for Fyne's cgo build, and the tools the GUI smoke test
# drives (Xvfb, import from ImageMagick, xwininfo, xdotool).
APT_BUILD := gcc libgl1-mesa-dev xorg-dev pkg-config
APT_SMOKE := xvfb xauth imagemagick x11-utils xdotool fonts-droid-fallback
# pkg-config modules the GLFW driver links against.
PC_MODULES := gl x11 xcursor xrandr xinerama xi xxf86vm
SMOKE_TOOLS := Xvfb xauth import xwininfo xdotool

.PHONY: all deps build run test vet unit fuzz smoke screenshots cli-nocgo fmt-check bench clean package package-linux package-check package-windows

all: build

# deps installs only what is missing, so it costs a few milliseconds when the
# machine is ready; on systems without apt-get it prints what to install.
deps:
	@missing=0; \
	for t in gcc pkg-config $(SMOKE_TOOLS); do \
	  command -v $$t >/dev/null 2>&1 || { echo "deps: missing $$t"; missing=1; }; \
	done; \
	if command -v pkg-config >/dev/null 2>&1; then \
	  pkg-config --exists $(PC_MODULES) || { echo "deps: missing X11/GL development headers"; missing=1; }; \
	fi; \
	if command -v fc-list >/dev/null 2>&1 && [ -z "$$(fc-list :lang=zh 2>/dev/null)" ]; then \
	  echo "deps: no Chinese font (Chinese would show as boxes)"; missing=1; \
	fi; \
	if [ "$$missing" = 0 ]; then exit 0; fi; \
	if command -v apt-get >/dev/null 2>&1; then \
	  echo "deps: installing $(APT_BUILD) $(APT_SMOKE)"; \
	  $(SUDO) apt-get update; \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $(APT_BUILD) $(APT_SMOKE); \
	else \
	  echo "deps: no apt-get here; install the equivalents yourself:"; \
	  echo "  Fedora: sudo dnf install gcc pkgconf-pkg-config libXcursor-devel libXrandr-devel libXinerama-devel libXi-devel libXxf86vm-devel mesa-libGL-devel xorg-x11-server-Xvfb xorg-x11-xauth ImageMagick xwininfo xdotool"; \
	  echo "  Arch:   sudo pacman -S --needed gcc pkgconf libxcursor libxrandr libxinerama libxi libxxf86vm mesa xorg-server-xvfb xorg-xauth imagemagick xorg-xwininfo xdotool"; \
	  echo "  macOS:  xcode-select --install   (the GUI smoke test needs X11 and runs on Linux only)"; \
	fi
	@command -v $(GO) >/dev/null 2>&1 || { echo "deps: Go is not installed; see https://go.dev/dl/ (go.mod names the version)"; exit 1; }

# The version lives in FyneApp.toml; both binaries get it at link time.
VERSION := $(shell sed -n 's/^ *Version *= *"\(.*\)"/\1/p' FyneApp.toml)
LDFLAGS := -X main.version=$(VERSION)
# The Fyne packaging tool, pinned, run with `go run` so it stays out of go.mod.
FYNE := $(GO) run fyne.io/tools/cmd/fyne@v1.7.2
DIST := dist

build:
	$(GO) build -tags $(TAGS) -ldflags '$(LDFLAGS)' -o $(BIN)/newsdesk ./cmd/newsdesk
	CGO_ENABLED=0 $(GO) build -ldflags '$(LDFLAGS)' -o $(BIN)/newsdeskctl ./cmd/newsdeskctl

# package builds the release packages: a Linux tarball (binary, .desktop
# entry, icon, and a Makefile whose `make install` installs them) and, when
# mingw-w64 is installed or installable, a Windows .exe.
package: package-linux package-windows

package-linux: build
	mkdir -p $(DIST)
	$(FYNE) package --target linux --src cmd/newsdesk --executable $(CURDIR)/$(BIN)/newsdesk --name Newsdesk \
	  --icon $(CURDIR)/assets/icon.png --app-id io.newsdesk.app --app-version $(VERSION) --release
	mv Newsdesk.tar.xz $(DIST)/
	@ls -l $(DIST)/Newsdesk.tar.xz

# package-check unpacks the Linux tarball and runs what it installs under
# Xvfb: packaging that rots fails CI.
package-check: package-linux
	bash .ci/package-smoke $(DIST)/Newsdesk.tar.xz

package-windows:
	@if ! command -v x86_64-w64-mingw32-gcc >/dev/null 2>&1; then \
	  if command -v apt-get >/dev/null 2>&1; then $(SUDO) apt-get install -y --no-install-recommends gcc-mingw-w64-x86-64 || true; fi; \
	fi
	@if command -v x86_64-w64-mingw32-gcc >/dev/null 2>&1; then \
	  mkdir -p $(DIST); \
	  CGO_ENABLED=1 GOOS=windows GOARCH=amd64 CC=x86_64-w64-mingw32-gcc \
	    $(GO) build -tags $(TAGS) -ldflags '$(LDFLAGS) -H=windowsgui' -o $(DIST)/newsdesk.exe ./cmd/newsdesk; \
	  CGO_ENABLED=0 GOOS=windows GOARCH=amd64 $(GO) build -ldflags '$(LDFLAGS)' -o $(DIST)/newsdeskctl.exe ./cmd/newsdeskctl; \
	  ls -l $(DIST)/*.exe; \
	else \
	  echo "package-windows: mingw-w64 is not available here; no Windows build"; \
	fi

# run opens the GUI on the default store ($$NEWSDESK_STORE or the user data folder).
run: deps build
	./$(BIN)/newsdesk

test: deps fmt-check vet unit fuzz cli-nocgo smoke package-check

# fuzz runs every fuzz target for a fixed number of inputs (FUZZTIME each;
# a count, not a duration: with a duration Go's fuzzer fails with "context
# deadline exceeded" when time runs out inside a slow input); the seeds are
# the table cases in the tests, and a finding is written to the package's
# testdata/fuzz, to be committed as a regression test. For a long run:
# make fuzz FUZZTIME=10m
FUZZTIME ?= 20000x
fuzz:
	@for f in $$(grep -rl --include='*_test.go' '^func Fuzz' app store cmd | xargs -n1 dirname | sort -u); do \
	  for t in $$(grep -h '^func Fuzz' $$f/*_test.go | sed 's/func \(Fuzz[A-Za-z0-9_]*\).*/\1/'); do \
	    echo "fuzz $$t ./$$f ($(FUZZTIME))"; \
	    $(GO) test -tags $(TAGS) -run '^$$' -fuzz "^$$t$$" -fuzztime $(FUZZTIME) ./$$f > /tmp/newsdesk-fuzz.log 2>&1 || { cat /tmp/newsdesk-fuzz.log; exit 1; }; \
	  done; \
	done

fmt-check:
	@out="$$(gofmt -l $$(git ls-files --cached --others --exclude-standard '*.go' 2>/dev/null || find . -name '*.go' -not -path './bin/*'))"; \
	if [ -n "$$out" ]; then echo "gofmt needed on:"; echo "$$out"; exit 1; fi

vet:
	$(GO) vet -tags $(TAGS) ./...
	$(GO) vet -tags '$(TAGS) smoke' ./cmd/newsdesk

unit:
	$(GO) test -race -tags $(TAGS) -timeout $(TEST_TIMEOUT) ./...

# The CLI is promised to build without cgo (no Fyne, no C toolchain).
cli-nocgo:
	CGO_ENABLED=0 $(GO) build -o /dev/null ./cmd/newsdeskctl

# The smoke test starts its own Xvfb; it needs X11, hence Linux only.
smoke:
	@if [ "$$(uname -s)" != Linux ]; then echo "smoke: the GUI smoke test runs on Linux only; not run on $$(uname -s)"; exit 0; fi; \
	echo "$(GO) test -tags '$(TAGS) smoke' -run TestSmoke -count=1 -v ./cmd/newsdesk"; \
	$(GO) test -tags '$(TAGS) smoke' -run TestSmoke -count=1 -v ./cmd/newsdesk

# screenshots retakes the user guide's pictures (assets/guide) from the real
# app under Xvfb, on the sample newsroom.
screenshots: deps
	$(GO) test -tags '$(TAGS) smoke' -run TestGuideScreenshots -count=1 -v ./cmd/newsdesk

bench:
	@command -v hugo >/dev/null 2>&1 || { command -v apt-get >/dev/null 2>&1 && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends hugo; } || echo "bench: no hugo; the export comparison will say so"
	$(GO) test -tags $(TAGS) -run '^$$' -bench . -benchmem -benchtime $(BENCHTIME) ./...
	$(GO) run ./cmd/newsdeskbench -rounds 3 -sizes 1000,10000 $(BENCHFLAGS)

clean:
	rm -rf $(BIN) $(DIST)
