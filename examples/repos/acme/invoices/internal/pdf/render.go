package pdf

import (
	"errors"
	"strings"
)

// TemplateID is a validated identifier used across the service.
type TemplateID string

// ParseTemplate checks that s is a non-empty, trimmed identifier.
func ParseTemplate(s string) (TemplateID, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", errors.New("pdf: empty identifier")
	}
	return TemplateID(s), nil
}
