module github.com/acme/invoicing

go 1.23.0

toolchain go1.23.4

require (
	github.com/google/uuid v1.6.0
	github.com/jackc/pgx/v5 v5.7.2
)

require (
	github.com/jackc/pgpassfile v1.0.0 // indirect
	golang.org/x/text v0.21.0 // indirect
)
