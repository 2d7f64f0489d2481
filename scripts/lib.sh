# Shared by demo.sh and test.sh: run the checked-in yarn with what native addons need.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

# yarn does not read .npmrc: point node-gyp at the running Node's headers so that
# better-sqlite3 builds from source where no prebuilt binary can be downloaded.
node_prefix=$(dirname "$(dirname "$(command -v node)")")
if [ -z "${npm_config_nodedir:-}" ] && [ -f "$node_prefix/include/node/node.h" ]; then
  export npm_config_nodedir=$node_prefix
fi

yarn() { node "$PWD/.yarn/releases/yarn-4.13.0.cjs" "$@"; }

install_dependencies() {
  if [ -n "${CI:-}" ]; then
    yarn install --immutable
  else
    yarn install
  fi
}
