#!/usr/bin/env bash
# Runs `aperture ci` with the action's inputs (given as APERTURE_* environment variables). The gate's
# verdict goes to the step outputs; the action's last step fails the job, after the SARIF upload.
set -euo pipefail
cli="${GITHUB_ACTION_PATH:?run by the GitHub Action runner, which sets GITHUB_ACTION_PATH}/dist/src/cli/bin.js"

read -r -a targets <<< "${APERTURE_TARGET:-.}"
args=(ci "${targets[@]}" --no-fail
  --sarif "${APERTURE_SARIF_FILE:-aperture.sarif}"
  --markdown "${APERTURE_MARKDOWN_FILE:-aperture.md}"
  --json "${APERTURE_JSON_FILE:-aperture.json}")
[ -n "${APERTURE_POLICY:-}" ] && args+=(--policy "$APERTURE_POLICY")
[ -n "${APERTURE_MIN_SCORE:-}" ] && args+=(--min-score "$APERTURE_MIN_SCORE")
[ -n "${APERTURE_REQUIRE_CLASS:-}" ] && args+=(--require-class "$APERTURE_REQUIRE_CLASS")
[ -n "${APERTURE_AS_OF:-}" ] && args+=(--as-of "$APERTURE_AS_OF")
[ "${APERTURE_AS_ONE_RELEASE:-false}" = true ] && args+=(--as-one-release)
[ "${APERTURE_FOLLOW_LINKS:-true}" = false ] && args+=(--no-follow)

exec node "$cli" "${args[@]}"
