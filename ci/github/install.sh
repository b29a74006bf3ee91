#!/usr/bin/env bash
# Installs Aperture from the action's own checkout: its locked dependencies and a build of the CLI.
# A checkout that already holds the built CLI (a vendored copy, a release with dist/) is used as it is.
set -euo pipefail
cd "${GITHUB_ACTION_PATH:?run by the GitHub Action runner, which sets GITHUB_ACTION_PATH}"
if [ -f dist/src/cli/bin.js ]; then
  echo "aperture: using the built CLI in ${GITHUB_ACTION_PATH}/dist"
  exit 0
fi
npm ci --no-audit --no-fund
npx tsc -p tsconfig.build.json
