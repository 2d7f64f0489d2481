package router

import (
	"errors"
	"strings"
)

// Topic is a validated identifier used across the service.
type Topic string

// ParseTopic checks that s is a non-empty, trimmed identifier.
func ParseTopic(s string) (Topic, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", errors.New("router: empty identifier")
	}
	return Topic(s), nil
}
