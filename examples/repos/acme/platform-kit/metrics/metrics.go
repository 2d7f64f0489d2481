package metrics

import (
	"errors"
	"strings"
)

// Name is a validated identifier used across the service.
type Name string

// ParseName checks that s is a non-empty, trimmed identifier.
func ParseName(s string) (Name, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", errors.New("metrics: empty identifier")
	}
	return Name(s), nil
}
