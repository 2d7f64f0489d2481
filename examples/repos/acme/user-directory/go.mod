module github.com/acme/user-directory

go 1.24.0

require (
	github.com/go-ldap/ldap/v3 v3.4.10
	github.com/jackc/pgx/v5 v5.7.2
)

require (
	github.com/go-asn1-ber/asn1-ber v1.5.7 // indirect
)
