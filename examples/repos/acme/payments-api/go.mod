module github.com/acme/payments-api

go 1.24.2

require (
	github.com/acme/go-kit v1.8.0
	github.com/go-chi/chi/v5 v5.2.1
	github.com/jackc/pgx/v5 v5.7.2
	github.com/prometheus/client_golang v1.20.5
)

require (
	github.com/beorn7/perks v1.0.1 // indirect
	github.com/cespare/xxhash/v2 v2.3.0 // indirect
	golang.org/x/crypto v0.31.0 // indirect
)
