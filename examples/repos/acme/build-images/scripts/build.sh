#!/usr/bin/env bash
set -euo pipefail
for dir in images/*/; do
  name=$(basename "$dir")
  docker build -t "ghcr.io/acme/$name:latest" "$dir"
done
