module github.com/acme/auth-service

go 1.24.1

require (
	github.com/acme/go-kit v1.8.0
	github.com/golang-jwt/jwt/v5 v5.2.1
	github.com/redis/go-redis/v9 v9.7.0
	golang.org/x/crypto v0.31.0
)

require (
	github.com/cespare/xxhash/v2 v2.3.0 // indirect
	golang.org/x/sys v0.28.0 // indirect
)
