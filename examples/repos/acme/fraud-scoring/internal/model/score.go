package model

import (
	"errors"
	"strings"
)

// ModelID is a validated identifier used across the service.
type ModelID string

// ParseModel checks that s is a non-empty, trimmed identifier.
func ParseModel(s string) (ModelID, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", errors.New("model: empty identifier")
	}
	return ModelID(s), nil
}
