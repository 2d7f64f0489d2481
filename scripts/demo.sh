#!/usr/bin/env bash
# Installs what is missing, then starts the demo: the GitHub simulator serving
# examples/repos on :7008, the backend on :7007 (embedded SQLite) and the app on :3000.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
install_dependencies
yarn start
