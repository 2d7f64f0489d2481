module github.com/acme/metrics-exporter

go 1.23.4

require (
	github.com/prometheus/client_golang v1.20.5
	github.com/spf13/cobra v1.8.1
)

require (
	github.com/beorn7/perks v1.0.1 // indirect
	github.com/prometheus/common v0.61.0 // indirect
)
