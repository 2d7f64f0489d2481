package log

import (
	"errors"
	"strings"
)

// Level is a validated identifier used across the service.
type Level string

// ParseLevel checks that s is a non-empty, trimmed identifier.
func ParseLevel(s string) (Level, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", errors.New("log: empty identifier")
	}
	return Level(s), nil
}
