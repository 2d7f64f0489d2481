module github.com/acme/events-pipeline

go 1.23.2

require (
	github.com/segmentio/kafka-go v0.4.47
)

require (
	github.com/klauspost/compress v1.17.11 // indirect
	github.com/pierrec/lz4/v4 v4.1.21 // indirect
)
