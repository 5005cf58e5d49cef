#!/bin/sh
# Lints the HUB API contract with Redocly CLI, an OpenAPI linter
# independent of this project (installed from npm by build-aux/dev).
set -eu

if [ -z "${HUB_NPM_TOOLS:-}" ]; then
  echo "HUB_NPM_TOOLS is empty (meson option npm_tools): no linter to run"
  exit 77
fi

# No network in the test environment: keep the linter from reaching out.
export REDOCLY_TELEMETRY=off
export REDOCLY_SUPPRESS_UPDATE_NOTICE=true

exec node "$HUB_NPM_TOOLS/node_modules/@redocly/cli/bin/cli.js" lint \
  --format=stylish \
  --config "$HUB_SOURCE_ROOT/api/redocly.yaml" \
  "$HUB_OPENAPI"
