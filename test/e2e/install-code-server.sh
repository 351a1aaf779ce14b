#!/usr/bin/env bash
# Install code-server 4.100.3 (VS Code 1.100.3: server, Node extension host and web workbench)
# plus Debian's Chromium, for offline end-to-end tests of a VS Code extension.
#
#   bash install-code-server.sh [CACHE_DIR]      (default: $HOME/.cache/seaworthy-e2e)
#
# Then:  CACHE_DIR/node_modules/.bin/code-server --version
#
# Vendored from the shared e2e recipe (shared/e2e/install-code-server.sh, see its README) so a clone
# of this repository needs nothing outside it. Keep the logic in step with that copy; the test
# runners in this folder call it (idempotent: ~1 s when the install is already there).
#
# Works with only the npm registry and Debian's apt repositories reachable, on Debian 12 with
# Node.js 20, as root (or as a user with sudo for apt). Idempotent: a second run checks the
# install and exits. Exits non-zero with a message naming the step that failed.
#
# Why each workaround exists (see the shared e2e README):
#  - code-server >= 4.101 needs Node 22/24; 4.100.3 is the last release that runs on Node 20.
#  - Its postinstall runs `npm install` in lib/vscode, where @vscode/ripgrep's postinstall downloads
#    ripgrep from GitHub. We pre-seed that download's cache ($TMPDIR/vscode-ripgrep-cache-<ver>/)
#    with a tarball holding a symlink to Debian's /usr/bin/rg, so it "uses the cached download".
#  - node-pty's postinstall runs `npx node-gyp ...`; npx refuses to fetch node-gyp when npm's
#    `yes` is false (non-interactive), so we set npm_config_yes=true.
#  - node-gyp must find Node's headers locally (it cannot download them): npm_config_nodedir.
#  - As root, code-server's postinstall.sh requires npm_config_unsafe_perm=true.
set -euo pipefail

CS_VERSION=4.100.3
# Pinned by code-server 4.100.3's lib/vscode/npm-shrinkwrap.json and @vscode/ripgrep's postinstall.js:
RG_PKG_VERSION=1.15.11
RG_RELEASE=v13.0.0-10
APT_PACKAGES=(build-essential python3 pkg-config libkrb5-dev ripgrep chromium)

DIR="${1:-${SEAWORTHY_E2E_DIR:-$HOME/.cache/seaworthy-e2e}}"

log() { echo "install-code-server: $*" >&2; }
die() { echo "install-code-server: ERROR: $*" >&2; exit 1; }

[ "$(uname -s)" = Linux ] || die "only Linux is supported"
command -v node >/dev/null || die "node not found: install Node.js 20 first"
command -v npm >/dev/null || die "npm not found: install Node.js 20 (with npm) first"
NODE_MAJOR=$(node -p 'process.versions.node.split(".")[0]')
[ "$NODE_MAJOR" = 20 ] || die "code-server $CS_VERSION needs Node.js 20, found $(node -v) (newer code-server releases need Node 22/24)"
case "$(node -p process.arch)" in
  x64) RG_TARGET=x86_64-unknown-linux-musl ;;
  arm64) RG_TARGET=aarch64-unknown-linux-musl ;;
  *) die "unsupported CPU architecture $(node -p process.arch) (x64 and arm64 only)" ;;
esac

mkdir -p "$DIR" || die "cannot create $DIR"
DIR=$(cd "$DIR" && pwd)
# One installer at a time per cache dir (parallel test jobs may all call this script).
if command -v flock >/dev/null; then
  exec 9>"$DIR/.install.lock"
  flock 9 || die "cannot lock $DIR/.install.lock"
fi

# ---- 1. Debian packages ---------------------------------------------------------------------
missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  command -v apt-get >/dev/null || die "apt-get not found; install these packages by hand: ${missing[*]}"
  SUDO=
  if [ "$(id -u)" != 0 ]; then
    command -v sudo >/dev/null || die "need root (or sudo) to apt-get install: ${missing[*]}"
    SUDO=sudo
  fi
  log "apt-get install ${missing[*]}"
  $SUDO apt-get update -qq || die "apt-get update failed"
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >"$DIR/apt.log" 2>&1 \
    || { tail -20 "$DIR/apt.log" >&2; die "apt-get install ${missing[*]} failed (log: $DIR/apt.log)"; }
fi
RG_BIN=$(command -v rg) || die "ripgrep's rg not on PATH after installing the ripgrep package"
CHROMIUM_BIN=$(command -v chromium) || die "chromium not on PATH after installing the chromium package"

CS_PKG="$DIR/node_modules/code-server"
VSCODE="$CS_PKG/lib/vscode"
CS_BIN="$DIR/node_modules/.bin/code-server"

# Any code-server invocation writes a default config file (to ~/.config/code-server/ unless
# --config names one), and says so on stdout: give it ours.
CS_CONFIG="$DIR/code-server-config.yaml"
[ -f "$CS_CONFIG" ] || printf 'auth: none\ncert: false\n' >"$CS_CONFIG"

verify() {
  local v
  v=$("$CS_BIN" --config "$CS_CONFIG" --version 2>&1) || { echo "code-server --version failed: $v"; return 1; }
  v=$(printf '%s\n' "$v" | grep -E '^[0-9]+\.[0-9]+\.[0-9]+ ' | head -1)
  case "$v" in "$CS_VERSION "*) ;; *) echo "code-server --version says '$v'"; return 1 ;; esac
  [ -x "$VSCODE/node_modules/@vscode/ripgrep/bin/rg" ] || { echo "no ripgrep at @vscode/ripgrep/bin/rg"; return 1; }
  "$VSCODE/node_modules/@vscode/ripgrep/bin/rg" --version >/dev/null || { echo "bundled rg does not run"; return 1; }
  [ -L "$VSCODE/node_modules.asar" ] || { echo "postinstall did not finish (no node_modules.asar link)"; return 1; }
  # The native modules the server and its extension host load:
  node -e '
    const d = process.argv[1] + "/node_modules/";
    for (const m of ["node-pty", "@vscode/spdlog", "kerberos", "native-watchdog", "@parcel/watcher"]) require(d + m);
  ' "$VSCODE" || { echo "a native module does not load"; return 1; }
}

if [ -f "$DIR/.installed-$CS_VERSION" ] && out=$(verify 2>&1); then
  log "code-server $CS_VERSION already installed in $DIR"
  echo "$CS_BIN"
  exit 0
fi
rm -f "$DIR"/.installed-*

# ---- 2. Node headers for node-gyp (it cannot download them here) -----------------------------
nodedir="${npm_config_nodedir:-$(npm config get nodedir 2>/dev/null || true)}"
case "$nodedir" in ""|undefined|null)
  prefix=$(dirname "$(dirname "$(readlink -f "$(command -v node)")")")
  [ -f "$prefix/include/node/node_version.h" ] \
    || die "Node.js headers not found at $prefix/include/node; node-gyp would try to download them. Use a Node 20 build that ships its headers (e.g. NodeSource's nodejs package) or set npm_config_nodedir"
  nodedir=$prefix ;;
esac
hdr_major=$(sed -n 's/^#define NODE_MAJOR_VERSION \([0-9]*\).*/\1/p' "$nodedir/include/node/node_version.h" 2>/dev/null || true)
[ "$hdr_major" = "$NODE_MAJOR" ] || die "Node headers in $nodedir/include/node are for Node '$hdr_major', not $NODE_MAJOR"
export npm_config_nodedir="$nodedir"

# ---- 3. Seed @vscode/ripgrep's download cache with Debian's rg --------------------------------
TMP="$DIR/tmp"
rm -rf "$TMP"
mkdir -p "$TMP/vscode-ripgrep-cache-$RG_PKG_VERSION" "$TMP/rg-stage"
ln -s "$RG_BIN" "$TMP/rg-stage/rg"
tar czf "$TMP/vscode-ripgrep-cache-$RG_PKG_VERSION/ripgrep-$RG_RELEASE-$RG_TARGET.tar.gz" -C "$TMP/rg-stage" rg \
  || die "cannot write the ripgrep cache tarball"

# ---- 4. npm install code-server (its postinstall installs lib/vscode and builds native modules)
cd "$DIR"
[ -f package.json ] || echo '{ "name": "seaworthy-e2e-code-server", "private": true }' >package.json
rm -rf "$CS_PKG"
log "npm install code-server@$CS_VERSION into $DIR (a few minutes; log: $DIR/npm-install.log)"
if ! TMPDIR="$TMP" npm_config_unsafe_perm=true npm_config_yes=true \
     npm install --no-audit --no-fund --save-exact "code-server@$CS_VERSION" >"$DIR/npm-install.log" 2>&1; then
  grep -v '^npm error npm error  *[0-9]' "$DIR/npm-install.log" | tail -40 >&2
  grep -q 'api.github.com\|github.com' "$DIR/npm-install.log" && log "hint: an install script tried to download from GitHub (not reachable here)"
  die "npm install code-server@$CS_VERSION failed (log: $DIR/npm-install.log)"
fi

out=$(verify 2>&1) || die "code-server installed but the check failed: $out"

# ---- 5. Smoke test: the server starts and serves the workbench -------------------------------
port=$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
smoke="$TMP/smoke"
mkdir -p "$smoke/ws"
printf 'auth: none\ncert: false\n' >"$smoke/config.yaml"
setsid "$CS_BIN" --config "$smoke/config.yaml" --auth none --bind-addr "127.0.0.1:$port" \
  --disable-telemetry --disable-update-check --user-data-dir "$smoke/ud" --extensions-dir "$smoke/ext" \
  "$smoke/ws" >"$smoke/log" 2>&1 &
pid=$!
ok=
for _ in $(seq 1 100); do
  if node -e 'require("http").get(process.argv[1],r=>process.exit(r.statusCode===200?0:1)).on("error",()=>process.exit(1))' \
       "http://127.0.0.1:$port/?folder=$smoke/ws" 2>/dev/null; then ok=1; break; fi
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.2
done
kill -- -"$pid" 2>/dev/null || kill "$pid" 2>/dev/null || true
wait "$pid" 2>/dev/null || true
[ -n "$ok" ] || { cat "$smoke/log" >&2; die "code-server did not serve its workbench page"; }

rm -rf "$TMP"
date -u +%FT%TZ >"$DIR/.installed-$CS_VERSION"
log "ok: code-server $CS_VERSION ($("$CS_BIN" --config "$CS_CONFIG" --version 2>/dev/null | grep -oE 'Code [0-9.]+' | head -1)), $("$CHROMIUM_BIN" --version 2>/dev/null | head -1)"
echo "$CS_BIN"
