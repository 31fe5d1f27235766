package app_test

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/color"
	"image/gif"
	"image/jpeg"
	"image/png"
	"math/rand/v2"
	"strings"
	"testing"

	"newsdesk/app"
)

func testPicture(w, h int) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			img.SetRGBA(x, y, color.RGBA{uint8(x * 255 / w), uint8(y * 255 / h), 120, 255})
		}
	}
	return img
}

func encodeTest(t *testing.T, format string, img image.Image) []byte {
	t.Helper()
	var b bytes.Buffer
	var err error
	switch format {
	case "png":
		err = png.Encode(&b, img)
	case "jpeg":
		err = jpeg.Encode(&b, img, &jpeg.Options{Quality: 80})
	case "gif":
		err = gif.Encode(&b, img, nil)
	}
	if err != nil {
		t.Fatalf("encode %s: %v", format, err)
	}
	return b.Bytes()
}

// pngClaiming rewrites the IHDR of a real PNG to declare other dimensions,
// the way a decompression bomb does, with a correct checksum.
func pngClaiming(t *testing.T, w, h uint32) []byte {
	data := encodeTest(t, "png", testPicture(4, 4))
	// Signature (8), chunk length (4), "IHDR" (4), then width and height.
	binary.BigEndian.PutUint32(data[16:], w)
	binary.BigEndian.PutUint32(data[20:], h)
	binary.BigEndian.PutUint32(data[29:], crc32.ChecksumIEEE(data[12:29]))
	return data
}

func TestCheckImage(t *testing.T) {
	img := testPicture(320, 200)
	good := []struct{ format string }{{"png"}, {"jpeg"}, {"gif"}}
	for _, g := range good {
		info, err := app.CheckImage(encodeTest(t, g.format, img))
		if err != nil {
			t.Errorf("CheckImage(%s): %v", g.format, err)
			continue
		}
		if info != (app.ImageInfo{Format: g.format, Width: 320, Height: 200}) {
			t.Errorf("CheckImage(%s) = %+v, want %s 320x200", g.format, info, g.format)
		}
	}

	pngData := encodeTest(t, "png", img)
	jpegData := encodeTest(t, "jpeg", img)
	noise := make([]byte, 4096)
	r := rand.New(rand.NewPCG(1, 2))
	for i := range noise {
		noise[i] = byte(r.Uint32())
	}
	bad := []struct {
		name string
		data []byte
		want string
	}{
		{"empty", nil, "empty"},
		{"truncated PNG", pngData[:len(pngData)/2], "broken png"},
		{"PNG cut inside the header", pngData[:20], "not a JPEG, PNG or GIF"},
		{"truncated JPEG", jpegData[:len(jpegData)/2], "broken jpeg"},
		{"random bytes", noise, "not a JPEG, PNG or GIF"},
		{"text", []byte("<html>not an image</html>"), "not a JPEG, PNG or GIF"},
		{"decompression bomb", pngClaiming(t, 100_000, 100_000), "out of range"},
		{"zero width", pngClaiming(t, 0, 10), ""},
		{"over the byte limit", make([]byte, app.MaxImageBytes+1), "more than the limit"},
	}
	for _, b := range bad {
		_, err := app.CheckImage(b.data)
		if err == nil {
			t.Errorf("CheckImage(%s) = nil, want an error", b.name)
			continue
		}
		if app.ErrorCode(err) != app.EINVALID || !strings.Contains(err.Error(), b.want) {
			t.Errorf("CheckImage(%s) = %v (code %s), want EINVALID containing %q", b.name, err, app.ErrorCode(err), b.want)
		}
	}
}
