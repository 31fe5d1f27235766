package sample

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/jpeg"
	"image/png"
	"math"
	"math/rand/v2"
)

// Photo size: small enough that thirty samples cost little, large enough
// to look like a photo slot in the UI.
const picW, picH = 320, 200

// picture draws a sample photo: a gradient sky and a motif for the section
// (a courthouse, a bar chart, chips, hills, a globe, a speech bubble). The
// seed varies colours and shapes, so every article's photo looks different.
func picture(section string, seed uint64) *image.RGBA {
	r := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	img := image.NewRGBA(image.Rect(0, 0, picW, picH))
	hue := r.Float64() * 360
	gradient(img, hsv(hue, 0.35, 0.97), hsv(hue+35, 0.6, 0.55))
	switch section {
	case "Politics & Law":
		courthouse(img, r, hue)
	case "Economy":
		chart(img, r, hue)
	case "Business & Tech":
		chips(img, r, hue)
	case "Environment":
		hills(img, r, hue)
	case "World":
		globe(img, r, hue)
	default:
		bubble(img, r, hue)
	}
	return img
}

// encode returns the image as PNG, or as JPEG when asked, with the file
// extension to name it by.
func encode(img image.Image, asJPEG bool) ([]byte, string, error) {
	var b bytes.Buffer
	if asJPEG {
		if err := jpeg.Encode(&b, img, &jpeg.Options{Quality: 85}); err != nil {
			return nil, "", fmt.Errorf("encode JPEG: %w", err)
		}
		return b.Bytes(), "jpg", nil
	}
	// Best speed: the photos are tiny, and filling the sample should be quick.
	enc := png.Encoder{CompressionLevel: png.BestSpeed}
	if err := enc.Encode(&b, img); err != nil {
		return nil, "", fmt.Errorf("encode PNG: %w", err)
	}
	return b.Bytes(), "png", nil
}

func gradient(img *image.RGBA, top, bottom color.RGBA) {
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		row := img.Pix[img.PixOffset(b.Min.X, y):]
		for x := b.Min.X; x < b.Max.X; x++ {
			// A slight diagonal keeps the sky from looking like stripes.
			t := (float64(y)*0.85 + float64(x)*0.15*float64(b.Dy())/float64(b.Dx())) / float64(b.Dy())
			c := mix(top, bottom, t)
			i := (x - b.Min.X) * 4
			row[i], row[i+1], row[i+2], row[i+3] = c.R, c.G, c.B, 255
		}
	}
}

func mix(a, b color.RGBA, t float64) color.RGBA {
	t = math.Max(0, math.Min(1, t))
	f := func(x, y uint8) uint8 { return uint8(float64(x)*(1-t) + float64(y)*t + 0.5) }
	return color.RGBA{f(a.R, b.R), f(a.G, b.G), f(a.B, b.B), 255}
}

// hsv converts a hue in degrees, saturation and value to an opaque colour.
func hsv(h, s, v float64) color.RGBA {
	h = math.Mod(h, 360)
	c := v * s
	x := c * (1 - math.Abs(math.Mod(h/60, 2)-1))
	var r, g, b float64
	switch {
	case h < 60:
		r, g = c, x
	case h < 120:
		r, g = x, c
	case h < 180:
		g, b = c, x
	case h < 240:
		g, b = x, c
	case h < 300:
		r, b = x, c
	default:
		r, b = c, x
	}
	m := v - c
	return color.RGBA{uint8((r + m) * 255), uint8((g + m) * 255), uint8((b + m) * 255), 255}
}

func rect(img *image.RGBA, x0, y0, x1, y1 int, c color.Color) {
	draw.Draw(img, image.Rect(x0, y0, x1, y1), image.NewUniform(c), image.Point{}, draw.Over)
}

// disc fills a circle with an opaque colour, writing pixels directly: a
// generic draw.DrawMask calls an interface per pixel and made the sample
// newsroom slow to build under the race detector.
func disc(img *image.RGBA, cx, cy, r int, c color.RGBA) {
	area := image.Rect(cx-r, cy-r, cx+r, cy+r).Intersect(img.Bounds())
	for y := area.Min.Y; y < area.Max.Y; y++ {
		for x := area.Min.X; x < area.Max.X; x++ {
			dx, dy := float64(x-cx)+0.5, float64(y-cy)+0.5
			if dx*dx+dy*dy < float64(r*r) {
				i := img.PixOffset(x, y)
				img.Pix[i], img.Pix[i+1], img.Pix[i+2], img.Pix[i+3] = c.R, c.G, c.B, 255
			}
		}
	}
}

// triangle fills an isosceles triangle with its apex at (cx, top) and its
// base from x0 to x1 at base.
func triangle(img *image.RGBA, cx, top, x0, x1, base int, c color.Color) {
	for y := top; y < base; y++ {
		t := float64(y-top) / float64(base-top)
		l := cx - int(t*float64(cx-x0))
		r := cx + int(t*float64(x1-cx))
		rect(img, l, y, r+1, y+1, c)
	}
}

func courthouse(img *image.RGBA, r *rand.Rand, hue float64) {
	stone := hsv(hue+180, 0.08, 0.92)
	shade := hsv(hue+180, 0.12, 0.72)
	w := 170 + r.IntN(60)
	x0 := (picW - w) / 2
	rect(img, x0-10, 170, x0+w+10, 182, shade) // steps
	rect(img, x0-20, 182, x0+w+20, picH, shade)
	rect(img, x0, 88, x0+w, 100, stone) // entablature
	triangle(img, picW/2, 40+r.IntN(15), x0-6, x0+w+6, 88, stone)
	cols := 4 + r.IntN(3)
	for i := range cols {
		cx := x0 + 10 + i*(w-30)/(cols-1)
		rect(img, cx, 100, cx+12, 170, stone)
		rect(img, cx-2, 164, cx+14, 170, shade)
	}
}

func chart(img *image.RGBA, r *rand.Rand, hue float64) {
	axis := color.RGBA{40, 40, 48, 255}
	rect(img, 30, 175, 295, 178, axis)
	rect(img, 30, 30, 33, 178, axis)
	n := 5 + r.IntN(4)
	step := 250 / n
	h := 40 + r.IntN(40)
	for i := range n {
		h = max(20, min(135, h+r.IntN(41)-12))
		x := 42 + i*step
		rect(img, x, 175-h, x+step-10, 175, hsv(hue+150+float64(i)*6, 0.55, 0.8))
		disc(img, x+(step-10)/2, 165-h, 4, hsv(hue+20, 0.85, 0.95))
	}
}

func chips(img *image.RGBA, r *rand.Rand, hue float64) {
	trace := hsv(hue+60, 0.5, 0.85)
	for y := 40; y < 170; y += 45 {
		rect(img, 20, y+18, 300, y+21, trace)
	}
	for x := 50; x < 300; x += 70 {
		rect(img, x+18, 30, x+21, 180, trace)
	}
	for y := 40; y < 170; y += 45 {
		for x := 50; x < 300; x += 70 {
			if r.IntN(4) == 0 {
				continue
			}
			rect(img, x, y, x+40, y+40, color.RGBA{30, 34, 40, 255})
			for p := x + 4; p < x+40; p += 8 {
				rect(img, p, y-4, p+3, y, trace)
				rect(img, p, y+40, p+3, y+44, trace)
			}
			disc(img, x+8, y+8, 3, hsv(hue+r.Float64()*90, 0.7, 0.95))
		}
	}
}

func hills(img *image.RGBA, r *rand.Rand, hue float64) {
	disc(img, 60+r.IntN(200), 45+r.IntN(20), 22+r.IntN(10), hsv(35+math.Mod(hue, 20), 0.65, 1))
	for i := range 3 {
		x := r.IntN(picW)
		rad := 130 + r.IntN(80) - i*20
		disc(img, x, picH+rad-60-i*25+r.IntN(20), rad, hsv(95+float64(i)*18+r.Float64()*20, 0.55, 0.62-float64(i)*0.08))
	}
}

func globe(img *image.RGBA, r *rand.Rand, hue float64) {
	cx, cy, rad := picW/2+r.IntN(60)-30, picH/2, 78
	disc(img, cx, cy, rad+4, hsv(hue, 0.12, 0.97))
	disc(img, cx, cy, rad, hsv(205+r.Float64()*20, 0.6, 0.75))
	for range 5 {
		a := r.Float64() * 2 * math.Pi
		d := r.Float64() * float64(rad-30)
		disc(img, cx+int(d*math.Cos(a)), cy+int(d*math.Sin(a)), 10+r.IntN(18), hsv(100+r.Float64()*40, 0.45, 0.6))
	}
	line := color.RGBA{110, 110, 110, 110} // white at 43% (premultiplied)
	for dy := -rad + 20; dy < rad; dy += 26 {
		half := int(math.Sqrt(float64(rad*rad - dy*dy)))
		rect(img, cx-half, cy+dy, cx+half, cy+dy+2, line)
	}
}

func bubble(img *image.RGBA, r *rand.Rand, hue float64) {
	paper := color.RGBA{250, 248, 242, 255}
	x0, y0 := 40+r.IntN(30), 30+r.IntN(15)
	x1, y1 := picW-40-r.IntN(30), 140+r.IntN(15)
	const rr = 18
	rect(img, x0+rr, y0, x1-rr, y1, paper)
	rect(img, x0, y0+rr, x1, y1-rr, paper)
	for _, p := range []image.Point{{x0 + rr, y0 + rr}, {x1 - rr, y0 + rr}, {x0 + rr, y1 - rr}, {x1 - rr, y1 - rr}} {
		disc(img, p.X, p.Y, rr, paper)
	}
	// The tail narrows from the bubble down to a point at the lower left.
	tail := x0 + 40 + r.IntN(60)
	for i := range 28 {
		rect(img, tail-i/2, y1+i, tail+28-i*3/2, y1+i+1, paper)
	}
	ink := hsv(hue+200, 0.6, 0.45)
	disc(img, x0+45, y0+45, 12, ink)
	disc(img, x0+75, y0+45, 12, ink)
	for i, y := 0, y0+70; y < y1-15; i, y = i+1, y+14 {
		rect(img, x0+30, y, x1-40-(i%2)*50, y+5, hsv(hue+200, 0.15, 0.7))
	}
}
