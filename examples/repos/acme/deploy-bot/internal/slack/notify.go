package slack

import (
	"errors"
	"strings"
)

// Channel is a validated identifier used across the service.
type Channel string

// ParseChannel checks that s is a non-empty, trimmed identifier.
func ParseChannel(s string) (Channel, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", errors.New("slack: empty identifier")
	}
	return Channel(s), nil
}
