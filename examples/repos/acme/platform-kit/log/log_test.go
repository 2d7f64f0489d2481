package log

import "testing"

func TestParseLevelEmpty(t *testing.T) {
	if _, err := ParseLevel(""); err == nil {
		t.Fatal("expected an error for empty input")
	}
}
