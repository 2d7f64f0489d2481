module github.com/acme/legacy-cron

go 1.16

require (
	github.com/robfig/cron/v3 v3.0.1
	github.com/sirupsen/logrus v1.8.1
)

require (
	golang.org/x/sys v0.0.0-20210630005230-0f9fa26af87c // indirect
)
