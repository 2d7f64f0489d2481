package ldapsync

import (
	"errors"
	"strings"
)

// DN is a validated identifier used across the service.
type DN string

// ParseDN checks that s is a non-empty, trimmed identifier.
func ParseDN(s string) (DN, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", errors.New("ldapsync: empty identifier")
	}
	return DN(s), nil
}
