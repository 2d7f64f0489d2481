package session

import (
	"errors"
	"strings"
)

// SessionID is a validated identifier used across the service.
type SessionID string

// ParseSession checks that s is a non-empty, trimmed identifier.
func ParseSession(s string) (SessionID, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", errors.New("session: empty identifier")
	}
	return SessionID(s), nil
}
