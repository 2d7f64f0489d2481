package keys

import (
	"errors"
	"strings"
)

// KeyID is a validated identifier used across the service.
type KeyID string

// ParseKeyID checks that s is a non-empty, trimmed identifier.
func ParseKeyID(s string) (KeyID, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", errors.New("keys: empty identifier")
	}
	return KeyID(s), nil
}
