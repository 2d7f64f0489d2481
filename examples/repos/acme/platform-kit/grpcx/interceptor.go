package grpcx

import (
	"errors"
	"strings"
)

// Method is a validated identifier used across the service.
type Method string

// ParseMethod checks that s is a non-empty, trimmed identifier.
func ParseMethod(s string) (Method, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", errors.New("grpcx: empty identifier")
	}
	return Method(s), nil
}
