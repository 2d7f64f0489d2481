module github.com/acme/service-mesh-agent/services/injector

go 1.24.0

require (
	k8s.io/api v0.32.0
	k8s.io/apimachinery v0.32.0
)
