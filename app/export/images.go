package export

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"net/http"
	"regexp"
	"strings"
	"sync"
)

// blobRef is a store image reference; its hex part names the image file,
// so nothing else may pass.
var blobRef = regexp.MustCompile(`^sha256:[0-9a-f]{64}$`)

var imageExt = map[string]string{"image/jpeg": "jpg", "image/png": "png", "image/gif": "gif", "image/webp": "webp"}

// imagePath is where a photo lives in the portal: named by its content, so
// a photo used by many stories is copied once and never changes.
func imagePath(ref, contentType string) string {
	return "images/" + strings.TrimPrefix(ref, "sha256:") + "." + imageExt[contentType]
}

// imageSet knows the photos of the portal being built: those of the old
// portal and those read from the store in this export.
type imageSet struct {
	mu    sync.Mutex
	known map[string]ImageFile // ref -> file
	bad   map[string]string    // ref -> why it cannot be exported
}

func newImageSet(old []ImageFile) *imageSet {
	s := &imageSet{known: map[string]ImageFile{}, bad: map[string]string{}}
	for _, im := range old {
		if blobRef.MatchString(im.Ref) && im.Path == imagePath(im.Ref, im.Type) {
			s.known[im.Ref] = im
		}
	}
	return s
}

// lookup returns what the portal knows of ref, reading the store for a
// photo it has not seen: type, size and dimensions, without keeping the
// bytes (a batch may hold many large photos).
func (s *imageSet) lookup(ctx context.Context, x *Exporter, ref string) (ImageFile, error) {
	s.mu.Lock()
	im, ok := s.known[ref]
	why := s.bad[ref]
	s.mu.Unlock()
	if ok {
		return im, nil
	}
	if why != "" {
		return ImageFile{}, fmt.Errorf("%s", why)
	}
	data, err := x.Store.Blob(ctx, ref)
	if err == nil {
		im, err = describeImage(ref, data)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if err != nil {
		s.bad[ref] = err.Error()
		return ImageFile{}, err
	}
	s.known[ref] = im
	return im, nil
}

func describeImage(ref string, data []byte) (ImageFile, error) {
	ct := http.DetectContentType(data)
	if imageExt[ct] == "" {
		return ImageFile{}, fmt.Errorf("image %s is %s, not a JPEG, PNG, GIF or WebP", ref, ct)
	}
	im := ImageFile{Ref: ref, Type: ct, Path: imagePath(ref, ct), Size: int64(len(data))}
	if cfg, _, err := image.DecodeConfig(bytes.NewReader(data)); err == nil {
		im.Width, im.Height = cfg.Width, cfg.Height
	}
	return im, nil
}

// get returns a photo already known, without reading the store.
func (s *imageSet) get(ref string) (ImageFile, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	im, ok := s.known[ref]
	return im, ok
}
