package export

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// errPermanent marks a refusal that another attempt would not change.
var errPermanent = errors.New("refused")

// post sends one document, retrying timeouts, network errors, 408, 425,
// 429 and 5xx with a doubling backoff (or the portal's Retry-After);
// any other 4xx stops the item with the portal's own message.
func (x *Exporter) post(ctx context.Context, endpoint, token string, it *pushItem, timeout time.Duration, retries int) error {
	client := x.HTTP
	if client == nil {
		client = &http.Client{}
	}
	backoff := x.Backoff
	if backoff <= 0 {
		backoff = time.Second
	}
	key := it.item.ID + ":" + strconv.Itoa(it.item.Revision)
	var last error
	for attempt := 0; attempt <= retries; attempt++ {
		wait, err := x.attempt(ctx, client, endpoint, token, key, it.body, timeout)
		if err == nil {
			return nil
		}
		if errors.Is(err, errPermanent) || ctx.Err() != nil {
			return err
		}
		last = err
		if attempt == retries {
			break
		}
		if wait <= 0 {
			wait = backoff << attempt
		}
		x.log().Debug("push retry", "id", it.item.ID, "attempt", attempt+1, "wait", wait, "err", err)
		select {
		case <-time.After(min(wait, time.Minute)):
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	return fmt.Errorf("gave up after %d attempts: %w", retries+1, last)
}

// attempt makes one POST; it returns the wait the portal asked for.
func (x *Exporter) attempt(ctx context.Context, client *http.Client, endpoint, token, key string, body []byte, timeout time.Duration) (time.Duration, error) {
	actx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(actx, http.MethodPost, endpoint, bytes.NewReader(body))
	if err != nil {
		return 0, fmt.Errorf("%w: %v", errPermanent, err)
	}
	req.Header.Set("Content-Type", "application/json; charset=utf-8")
	req.Header.Set("Idempotency-Key", key)
	req.Header.Set("User-Agent", generator)
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := client.Do(req)
	if err != nil {
		if errors.Is(actx.Err(), context.DeadlineExceeded) && ctx.Err() == nil {
			return 0, fmt.Errorf("no answer within %s", timeout)
		}
		return 0, fmt.Errorf("POST %s: %w", endpoint, unwrapURLError(err))
	}
	defer resp.Body.Close()
	msg := portalMessage(resp)
	switch c := resp.StatusCode; {
	case c >= 200 && c < 300:
		return 0, nil
	case c == 408 || c == 425 || c == 429 || c >= 500:
		wait := time.Duration(0)
		if s, err := strconv.Atoi(resp.Header.Get("Retry-After")); err == nil && s >= 0 {
			wait = time.Duration(s) * time.Second
		}
		return wait, fmt.Errorf("the portal answered %s: %s", resp.Status, msg)
	}
	return 0, fmt.Errorf("%w by the portal (%s): %s", errPermanent, resp.Status, msg)
}

// portalMessage reads what the portal said: a JSON "message" or "error"
// when it sends one, else the start of its text, on one line.
func portalMessage(resp *http.Response) string {
	raw, _ := io.ReadAll(io.LimitReader(resp.Body, 64<<10))
	var m struct {
		Message string          `json:"message"`
		Error   json.RawMessage `json:"error"`
		Detail  string          `json:"detail"`
	}
	if json.Unmarshal(raw, &m) == nil {
		var nested struct {
			Message string `json:"message"`
		}
		var s string
		switch {
		case m.Message != "":
			return oneLine(m.Message)
		case json.Unmarshal(m.Error, &s) == nil && s != "":
			return oneLine(s)
		case json.Unmarshal(m.Error, &nested) == nil && nested.Message != "":
			return oneLine(nested.Message)
		case m.Detail != "":
			return oneLine(m.Detail)
		}
	}
	if s := oneLine(string(raw)); s != "" {
		return s
	}
	return "(no message)"
}

func oneLine(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > 300 {
		s = string(r[:300]) + "…"
	}
	return s
}

// unwrapURLError drops the *url.Error wrapper, whose text repeats the
// method and URL already in the message.
func unwrapURLError(err error) error {
	if u := errors.Unwrap(err); u != nil {
		return u
	}
	return err
}
