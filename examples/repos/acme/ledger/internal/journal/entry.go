package journal

import (
	"errors"
	"strings"
)

// EntryID is a validated identifier used across the service.
type EntryID string

// ParseEntry checks that s is a non-empty, trimmed identifier.
func ParseEntry(s string) (EntryID, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", errors.New("journal: empty identifier")
	}
	return EntryID(s), nil
}
