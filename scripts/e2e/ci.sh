#!/usr/bin/env bash
# CI entry for the end-to-end suite (called from .ci/run): install the toolchain
# outside the project (apt chromium, Node 24 + code-server from npm), then run it.
set -euo pipefail
cd "$(dirname "$0")/../.."
export CI=true
bash scripts/e2e/setup.sh </dev/null
npm run test:e2e --silent </dev/null
