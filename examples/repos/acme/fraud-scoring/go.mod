module github.com/acme/fraud-scoring

go 1.24.0

require (
	github.com/acme/go-kit v1.8.0
	github.com/segmentio/kafka-go v0.4.47
	google.golang.org/grpc v1.69.2
)

require (
	github.com/klauspost/compress v1.17.11 // indirect
	google.golang.org/protobuf v1.36.1 // indirect
)
