module github.com/acme/platform-kit

go 1.23.0

require (
	github.com/acme/platform-kit/grpcx v0.0.0-00010101000000-000000000000
	github.com/prometheus/client_golang v1.20.5
	github.com/stretchr/testify v1.10.0
	go.opentelemetry.io/otel v1.33.0
	go.uber.org/zap v1.27.0
)

require (
	github.com/go-logr/logr v1.4.2 // indirect
	go.uber.org/multierr v1.11.0 // indirect
	gopkg.in/yaml.v3 v3.0.1 // indirect
)

replace github.com/acme/platform-kit/grpcx => ./grpcx
