package subject

import (
	"errors"
	"strings"
)

// Subject is a validated identifier used across the service.
type Subject string

// ParseSubject checks that s is a non-empty, trimmed identifier.
func ParseSubject(s string) (Subject, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", errors.New("subject: empty identifier")
	}
	return Subject(s), nil
}
