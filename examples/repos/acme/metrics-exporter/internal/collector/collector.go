package collector

import (
	"errors"
	"strings"
)

// Metric is a validated identifier used across the service.
type Metric string

// ParseMetric checks that s is a non-empty, trimmed identifier.
func ParseMetric(s string) (Metric, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", errors.New("collector: empty identifier")
	}
	return Metric(s), nil
}
