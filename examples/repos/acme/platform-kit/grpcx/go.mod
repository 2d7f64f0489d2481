module github.com/acme/platform-kit/grpcx

go 1.23.0
