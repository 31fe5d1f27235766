package app

import (
	"bytes"
	"image"
	_ "image/gif" // formats editors attach
	_ "image/jpeg"
	_ "image/png"
)

// Image limits: a news photo is a few megabytes; anything past these is a
// mistake or an attack (a decompression bomb declares huge dimensions).
const (
	MaxImageBytes  = 32 << 20
	MaxImagePixels = 100_000_000
)

// ImageInfo describes an image that passed CheckImage.
type ImageInfo struct {
	Format        string
	Width, Height int
}

// CheckImage decodes data completely, so that a truncated or corrupt file is
// refused when it is attached, not when the portal fails to show it.
func CheckImage(data []byte) (ImageInfo, error) {
	if len(data) == 0 {
		return ImageInfo{}, Errorf(EINVALID, "image is empty")
	}
	if len(data) > MaxImageBytes {
		return ImageInfo{}, Errorf(EINVALID, "image is %d bytes, more than the limit of %d", len(data), MaxImageBytes)
	}
	cfg, format, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		return ImageInfo{}, Errorf(EINVALID, "not a JPEG, PNG or GIF image: %v", err)
	}
	if cfg.Width <= 0 || cfg.Height <= 0 || cfg.Width*cfg.Height > MaxImagePixels {
		return ImageInfo{}, Errorf(EINVALID, "%s image of %dx%d pixels is out of range", format, cfg.Width, cfg.Height)
	}
	if _, _, err := image.Decode(bytes.NewReader(data)); err != nil {
		return ImageInfo{}, Errorf(EINVALID, "broken %s image: %v", format, err)
	}
	return ImageInfo{Format: format, Width: cfg.Width, Height: cfg.Height}, nil
}
