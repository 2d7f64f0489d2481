package ledgerclient

import "testing"

func TestParseAccountEmpty(t *testing.T) {
	if _, err := ParseAccount(""); err == nil {
		t.Fatal("expected an error for empty input")
	}
}
