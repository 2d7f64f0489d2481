package ledgerclient

import (
	"errors"
	"strings"
)

// AccountID is a validated identifier used across the service.
type AccountID string

// ParseAccount checks that s is a non-empty, trimmed identifier.
func ParseAccount(s string) (AccountID, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", errors.New("ledgerclient: empty identifier")
	}
	return AccountID(s), nil
}
