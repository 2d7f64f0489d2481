// Package kafka provides low and high level APIs for Kafka (vendored copy, trimmed for the fixture).
package kafka
