package ui

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/color"

	"newsdesk/app"
)

// ThumbMax is the longest side, in pixels, of a photo thumbnail. Photos are
// reduced once when loaded so that a 24-megapixel original does not stay
// decoded in memory for a 200-pixel preview.
const ThumbMax = 320

// Detail is everything the read-only view shows of one article.
type Detail struct {
	// Article is the latest state, with times in the article's zone.
	Article *app.Article
	Photos  []PhotoView
	Related []RelatedView
}

// PhotoView is a photo with its decoded thumbnail.
type PhotoView struct {
	app.Photo
	// Thumb is nil when the photo has no image or it could not be read;
	// Problem then says why, and the credit is shown all the same.
	Thumb   image.Image
	Problem string
}

// RelatedView is a related story resolved for display.
type RelatedView struct {
	app.Related
	// Title is the headline to show: ours looked up by ID, or the outside
	// story's own.
	Title string
	// Missing is set when an ID names no article in this store.
	Missing bool
}

func loadDetail(ctx context.Context, svc *app.Service, id string) (*Detail, error) {
	a, err := svc.Article(ctx, id)
	if err != nil {
		return nil, err
	}
	d := &Detail{Article: a.InZone()}
	for _, p := range a.Photos {
		d.Photos = append(d.Photos, loadPhoto(ctx, svc, p))
	}
	for _, r := range a.Related {
		d.Related = append(d.Related, resolveRelated(ctx, svc, r))
	}
	return d, nil
}

func loadPhoto(ctx context.Context, svc *app.Service, p app.Photo) PhotoView {
	v := PhotoView{Photo: p}
	if p.Image == "" {
		v.Problem = "no image attached"
		return v
	}
	data, err := svc.Store.Blob(ctx, p.Image)
	if err != nil {
		svc.Log.Warn("photo blob", "ref", p.Image, "err", err)
		v.Problem = "image unavailable: " + userMessage(err)
		return v
	}
	img, _, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		v.Problem = fmt.Sprintf("image unreadable: %v", err)
		return v
	}
	v.Thumb = thumbnail(img, ThumbMax)
	return v
}

func resolveRelated(ctx context.Context, svc *app.Service, r app.Related) RelatedView {
	v := RelatedView{Related: r, Title: r.Headline}
	if r.ID == "" {
		if v.Title == "" {
			v.Title = r.URL
		}
		return v
	}
	a, err := svc.Article(ctx, r.ID)
	switch {
	case err == nil:
		v.Title = headlineOrPlaceholder(a.Headline)
	case app.ErrorCode(err) == app.ENOTFOUND:
		v.Missing = true
		if v.Title == "" {
			v.Title = "(missing article " + r.ID + ")"
		}
	default:
		svc.Log.Warn("related article", "id", r.ID, "err", err)
		v.Missing = true
		if v.Title == "" {
			v.Title = r.ID
		}
	}
	return v
}

// thumbnail scales img down to fit limit x limit by averaging a grid of up to
// 4x4 samples per output pixel: good enough for a preview, and bounded in
// cost whatever the original size. Smaller images are returned as they are.
func thumbnail(img image.Image, limit int) image.Image {
	b := img.Bounds()
	w, h := b.Dx(), b.Dy()
	if w <= limit && h <= limit {
		return img
	}
	tw, th := limit, h*limit/w
	if h > w {
		tw, th = w*limit/h, limit
	}
	tw, th = max(tw, 1), max(th, 1)
	out := image.NewNRGBA(image.Rect(0, 0, tw, th))
	const grid = 4
	for y := 0; y < th; y++ {
		for x := 0; x < tw; x++ {
			var r, g, bl, a, n uint32
			for sy := 0; sy < grid; sy++ {
				py := b.Min.Y + (y*grid+sy)*h/(th*grid)
				for sx := 0; sx < grid; sx++ {
					px := b.Min.X + (x*grid+sx)*w/(tw*grid)
					cr, cg, cb, ca := img.At(px, py).RGBA()
					r, g, bl, a, n = r+cr, g+cg, bl+cb, a+ca, n+1
				}
			}
			// Average premultiplied values, then un-premultiply for NRGBA.
			r, g, bl, a = r/n, g/n, bl/n, a/n
			if a == 0 {
				continue
			}
			out.SetNRGBA(x, y, color.NRGBA{
				R: uint8(r * 0xff / a), G: uint8(g * 0xff / a), B: uint8(bl * 0xff / a), A: uint8(a >> 8),
			})
		}
	}
	return out
}
