package tracing

import (
	"errors"
	"strings"
)

// Service is a validated identifier used across the service.
type Service string

// ParseService checks that s is a non-empty, trimmed identifier.
func ParseService(s string) (Service, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", errors.New("tracing: empty identifier")
	}
	return Service(s), nil
}
