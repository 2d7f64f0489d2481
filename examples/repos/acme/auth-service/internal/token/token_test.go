package token

import "testing"

func TestParseSubjectEmpty(t *testing.T) {
	if _, err := ParseSubject(""); err == nil {
		t.Fatal("expected an error for empty input")
	}
}
