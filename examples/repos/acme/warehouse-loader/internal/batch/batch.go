package batch

import (
	"errors"
	"strings"
)

// BatchID is a validated identifier used across the service.
type BatchID string

// ParseBatch checks that s is a non-empty, trimmed identifier.
func ParseBatch(s string) (BatchID, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", errors.New("batch: empty identifier")
	}
	return BatchID(s), nil
}
