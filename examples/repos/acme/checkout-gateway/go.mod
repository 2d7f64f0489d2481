module github.com/acme/checkout-gateway

go 1.23.4

require (
	github.com/acme/go-kit v1.8.0
	github.com/acme/payments-sdk v0.9.3
	github.com/go-chi/chi/v5 v5.2.1
	github.com/redis/go-redis/v9 v9.7.0
)

require (
	github.com/dgryski/go-rendezvous v0.0.0-20200823014737-9f7001d12a5f // indirect
)
