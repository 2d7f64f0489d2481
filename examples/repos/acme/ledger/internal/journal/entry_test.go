package journal

import "testing"

func TestParseEntryEmpty(t *testing.T) {
	if _, err := ParseEntry(""); err == nil {
		t.Fatal("expected an error for empty input")
	}
}
