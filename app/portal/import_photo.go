package portal

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"image"
	"image/color"
	"image/png"
	"sync"
)

// placeholderPNG is drawn once: a light grey 16:9 frame crossed by its
// diagonals, the usual sign for "the picture is missing", so that an editor
// who opens an imported story sees at once that its photo must be attached.
var placeholderPNG = sync.OnceValue(func() []byte {
	const w, h = 320, 180
	img := image.NewPaletted(image.Rect(0, 0, w, h), color.Palette{
		color.RGBA{0xEC, 0xEC, 0xEC, 0xFF}, color.RGBA{0x9E, 0x9E, 0x9E, 0xFF}, color.RGBA{0xC8, 0xC8, 0xC8, 0xFF},
	})
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			switch {
			case x < 3 || y < 3 || x >= w-3 || y >= h-3:
				img.SetColorIndex(x, y, 1)
			case abs(x*h-y*w) < 2*w || abs((w-x)*h-y*w) < 2*w:
				img.SetColorIndex(x, y, 2)
			}
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		panic("encode placeholder: " + err.Error()) // an in-memory encode of a fixed image cannot fail
	}
	return buf.Bytes()
})

// PlaceholderImage returns the PNG that stands in for a photo whose
// picture the import could not bring (a portal page prints only the credit;
// nothing is fetched from the network). Articles using it are flagged
// "photo missing"; an export should not publish it.
func PlaceholderImage() []byte { return bytes.Clone(placeholderPNG()) }

// placeholderRef is the store reference the placeholder will have; it lets
// articles be checked before the image is stored.
var placeholderRef = func() string {
	sum := sha256.Sum256(placeholderPNG())
	return "sha256:" + hex.EncodeToString(sum[:])
}()

// IsPlaceholder reports whether a photo's image reference is the import's
// placeholder, for exports and views that must treat it as no picture.
func IsPlaceholder(ref string) bool { return ref == placeholderRef }

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
