#!/usr/bin/env bash
# Installs what is missing, then runs every check CI runs: type checking, lint, prettier,
# and every package's tests (backend tests on SQLite and on PostgreSQL 15).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

step() { printf '\n=== %s (%s)\n' "$1" "$(date +%H:%M:%S)"; }

step 'install'
install_dependencies

step 'PostgreSQL on 127.0.0.1:5432'
if ! pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then
  if command -v pg_ctlcluster >/dev/null; then
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n 1)" main start
  fi
  for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done
fi
pg_isready -h 127.0.0.1 -p 5432
export BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING=${BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING:-postgresql://postgres@127.0.0.1:5432}
export BACKSTAGE_TEST_DISABLE_DOCKER=1

step 'type check (tsc)'
yarn tsc

step 'lint'
yarn lint

step 'prettier'
yarn prettier:check

step 'tests'
export CI=${CI:-true}
yarn test --ci

step 'browser tests (headless Chromium; screenshots in artifacts/screenshots)'
if [ -z "${CHROMIUM_PATH:-}" ] && [ ! -x /usr/bin/chromium ]; then
  # Debian's package; browsers cannot be downloaded by test tools here.
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && apt-get install -y -qq chromium >/dev/null
  else
    sudo apt-get update -qq && sudo apt-get install -y -qq chromium >/dev/null
  fi
fi
yarn test:e2e
