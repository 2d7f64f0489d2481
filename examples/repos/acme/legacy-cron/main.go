package main

import (
	"github.com/robfig/cron/v3"
	log "github.com/sirupsen/logrus"
)

func main() {
	c := cron.New()
	_, _ = c.AddFunc("@hourly", func() { log.Info("tick") })
	c.Run()
}
