module github.com/acme/deploy-bot

go 1.24.0

require (
	github.com/google/go-github/v66 v66.0.0
	github.com/spf13/cobra v1.8.1
)

require (
	github.com/google/go-querystring v1.1.0 // indirect
	github.com/spf13/pflag v1.0.5 // indirect
)
