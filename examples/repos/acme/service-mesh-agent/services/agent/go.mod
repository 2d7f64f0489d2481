module github.com/acme/service-mesh-agent/services/agent

go 1.24.0

require (
	github.com/prometheus/client_golang v1.20.5
	google.golang.org/grpc v1.69.2
)
