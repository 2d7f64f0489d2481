module github.com/acme/stream-router

go 1.24.0

require (
	github.com/nats-io/nats.go v1.38.0
	go.uber.org/zap v1.27.0
)

require (
	github.com/nats-io/nkeys v0.4.9 // indirect
	go.uber.org/multierr v1.11.0 // indirect
)
