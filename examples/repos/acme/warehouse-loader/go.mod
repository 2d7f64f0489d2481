module github.com/acme/warehouse-loader

go 1.23.0

require (
	github.com/acme/warehouse-schemas v0.3.0
	github.com/aws/aws-sdk-go-v2 v1.32.7
	github.com/jackc/pgx/v5 v5.7.2
)

replace github.com/acme/warehouse-schemas => ../warehouse-schemas
