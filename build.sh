#!/usr/bin/env bash
# Lector's one build script (Ruffle-style: cargo → wasm-bindgen → per-browser manifests).
#
#   ./build.sh          set up what is missing, build the wasm engine and both extensions
#   ./build.sh test     build, then run every test: native (cargo test), JS units, and the
#                       end-to-end suite in Debian's Chromium with the built extension
#   LECTOR_WASM_ROUTE=debian|rustup ./build.sh   forces one wasm32 route
#   ./build.sh demo     build, open the bundled sample page in headless Chromium, press the
#                       toolbar button, and write before/after screenshots to docs/screenshots/
#   ./build.sh eval     quality figures of Lector beside Readability.js over the shared corpora
#                       (`lector eval`, see docs/quality.md); LECTOR_CORPORA=dir picks the corpora
#
# Outputs: dist/chrome/ and dist/firefox/ (load unpacked), dist/lector-<browser>-<version>.zip.
# Set-up it does on a fresh Debian machine (as root or with sudo): apt packages for the wasm
# toolchain and Chromium, wasm-bindgen-cli at the version pinned in Cargo.toml, and the npm
# dev packages from package-lock.json. On a machine where rustup has (or can fetch) the
# wasm32 target, that is used instead of Debian's rustc-web.
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$PWD
MODE=${1:-build}

say() { printf '\033[1m[lector]\033[0m %s\n' "$*"; }
die() { printf '\033[31m[lector] error:\033[0m %s\n' "$*" >&2; exit 1; }

case "$MODE" in
  build | test | demo | eval) ;;
  -h | --help | help) sed -n '2,18p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
  *) die "unknown command '$MODE' (expected: build, test, demo or eval)" ;;
esac

export PATH="$HOME/.cargo/bin:$PATH"
WASM_TARGET=wasm32-unknown-unknown
# The wasm-bindgen CLI must match the crate exactly; the crate's pin in Cargo.toml is the truth.
WASM_BINDGEN_VERSION=$(sed -n 's/^wasm-bindgen = "=\([0-9.]*\)".*/\1/p' Cargo.toml)
[ -n "$WASM_BINDGEN_VERSION" ] || die "Cargo.toml must pin wasm-bindgen with '=' (wasm-bindgen = \"=0.2.X\")"
VERSION=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -n1)

SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO=$(command -v sudo || true); fi
APT_UPDATED=""
apt_install() { # installs the Debian packages given that are not installed yet
  local missing=()
  for p in "$@"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  command -v apt-get >/dev/null || die "missing ${missing[*]} and no apt-get to install them"
  if [ "$(id -u)" != 0 ] && [ -z "$SUDO" ]; then die "missing ${missing[*]}: run as root or install them"; fi
  say "installing Debian packages: ${missing[*]}"
  if [ -z "$APT_UPDATED" ]; then $SUDO apt-get update -qq; APT_UPDATED=1; fi
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
}

# ---- 1. The wasm32 route -----------------------------------------------------------------
WASM_OUT="$ROOT/target/wasm"
wasm_route() {
  case "${LECTOR_WASM_ROUTE:-}" in rustup | debian) echo "$LECTOR_WASM_ROUTE"; return ;; esac
  if command -v rustup >/dev/null && rustup target list --installed 2>/dev/null | grep -qx "$WASM_TARGET"; then
    echo rustup; return
  fi
  if [ -f "$WASM_OUT/.route-debian" ]; then echo debian; return; fi
  if command -v rustup >/dev/null && [ -z "${LECTOR_SKIP_RUSTUP_TARGET:-}" ]; then
    # Offline machines hang here rather than fail, hence the timeout.
    if timeout 60 rustup target add "$WASM_TARGET" >/dev/null 2>&1; then echo rustup; return; fi
  fi
  echo debian
}

build_wasm() { # [target dir] [cargo features]
  local route out=${1:-$WASM_OUT} features=()
  [ -n "${2:-}" ] && features=(--features "$2")
  route=$(wasm_route)
  mkdir -p "$out"
  if [ "$route" = rustup ]; then
    say "wasm32 route: rustup target $WASM_TARGET ($(rustc --version))${2:+ with features $2}"
    CARGO_TARGET_DIR="$out" cargo build --release --lib --target "$WASM_TARGET" --quiet "${features[@]}"
  else
    apt_install rustc-web cargo-web rust-web-src rust-web-llvm lld-22
    touch "$WASM_OUT/.route-debian"
    say "wasm32 route: Debian $(/usr/bin/rustc --version) with -Z build-std (no rustup wasm32 target here)${2:+ with features $2}"
    # RUSTC_BOOTSTRAP lets this stable compiler rebuild std for wasm32; scoped to this command.
    RUSTC=/usr/bin/rustc RUSTC_BOOTSTRAP=1 CARGO_TARGET_DIR="$out" \
      /usr/bin/cargo build --release --lib --quiet -Z build-std=std,panic_abort --target "$WASM_TARGET" "${features[@]}"
  fi
}

ensure_wasm_bindgen() {
  if command -v wasm-bindgen >/dev/null && [ "$(wasm-bindgen --version | awk '{print $2}')" = "$WASM_BINDGEN_VERSION" ]; then
    return
  fi
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (cargo install, a few minutes once)"
  # --locked first; a registry mirror that lags behind the CLI's lock file needs a fresh resolve.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force --locked --quiet 2>/dev/null ||
    cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force --quiet
}

ENGINE="$ROOT/target/engine"
bind_wasm() { # [target dir] [engine dir]
  local wasm="${1:-$WASM_OUT}/$WASM_TARGET/release/lector.wasm" engine=${2:-$ENGINE}
  [ -f "$wasm" ] || die "the wasm build produced no $wasm"
  if [ -f "$engine/lector_bg.wasm" ] && [ "$engine/lector_bg.wasm" -nt "$wasm" ]; then return; fi
  ensure_wasm_bindgen
  rm -rf "$engine"
  # no-modules: content scripts are classic scripts, and the glue must load in them as is.
  wasm-bindgen --target no-modules --no-typescript --remove-name-section --remove-producers-section \
    --out-dir "$engine" --out-name lector "$wasm"
  # After a panic or trap an instance is unusable, and the glue keeps its one instance in a
  # closure: wrapped in a factory, the shell can make a fresh glue and instance.
  node - "$engine/lector.js" <<'JS'
const fs = require('fs');
const file = process.argv[2];
const glue = fs.readFileSync(file, 'utf8');
const head = 'let wasm_bindgen = (function(exports) {';
if (!glue.startsWith(head) || !glue.trimEnd().endsWith('})({ __proto__: null });')) {
  console.error(`${file}: wasm-bindgen's no-modules glue changed shape; update build.sh`);
  process.exit(1);
}
fs.writeFileSync(file, `/* exported wasm_bindgen, lectorNewEngine */
// Wrapped by build.sh: lectorNewEngine() returns a fresh glue, with no instance yet.
function lectorNewEngine() {
  return (function(exports) {${glue.slice(head.length).trimEnd()}
}
let wasm_bindgen = lectorNewEngine();
`);
JS
}

# ---- 2. The extensions ------------------------------------------------------------------
assemble() { # browser [engine dir] [output name]
  local browser=$1 engine=${2:-$ENGINE} out="$ROOT/dist/${3:-$1}"
  rm -rf "$out"
  mkdir -p "$out/engine"
  cp -R extension/. "$out/"
  rm -f "$out/icons/lector.svg"
  cp "$engine/lector.js" "$engine/lector_bg.wasm" "$out/engine/"
  # Content scripts cannot fetch extension files unless they are web-accessible, which would
  # let any page detect Lector. So they get the wasm inlined in a script instead.
  node -e '
const fs = require("fs");
const b64 = fs.readFileSync(process.argv[1]).toString("base64");
fs.writeFileSync(process.argv[2], `// Generated by build.sh from lector_bg.wasm: the engine, inlined for content scripts.
/* exported lectorWasmBytes */
function lectorWasmBytes() {
  const base64 = "${b64}";
  if (typeof Uint8Array.fromBase64 === "function") return Uint8Array.fromBase64(base64);
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
`);' "$engine/lector_bg.wasm" "$out/engine/lector_wasm.js"
  node - "$browser" "$VERSION" manifest.json "$out/manifest.json" <<'JS'
const fs = require('fs');
const [browser, version, src, dst] = process.argv.slice(2);
const m = JSON.parse(fs.readFileSync(src, 'utf8'));
m.version = version;
if (browser === 'chrome') {
  delete m.background.scripts;
  delete m.browser_specific_settings;
} else {
  // Firefox: an event page, no offscreen documents (it runs wasm in content scripts anyway).
  delete m.background.service_worker;
  delete m.minimum_chrome_version;
  m.permissions = m.permissions.filter((p) => p !== 'offscreen');
}
fs.writeFileSync(dst, JSON.stringify(m, null, 2) + '\n');
JS
  if [ "$browser" = firefox ]; then rm -rf "$out/offscreen"; fi
  [ -z "${3:-}" ] || return 0 # a test build gets no package
  local zip="$ROOT/dist/lector-$browser-$VERSION.zip"
  rm -f "$zip"
  (cd "$out" && python3 -c 'import sys, zipfile, os
with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as z:
    for d, _, files in os.walk("."):
        for f in sorted(files):
            z.write(os.path.join(d, f), os.path.relpath(os.path.join(d, f), "."))' "$zip")
}

ensure_node_packages() {
  command -v node >/dev/null || apt_install nodejs npm
  if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    say "installing npm dev packages from package-lock.json"
    npm ci --no-audit --no-fund --loglevel=error
  fi
}

ensure_chromium() {
  if [ -z "${CHROMIUM:-}" ]; then
    apt_install chromium
    export CHROMIUM=/usr/bin/chromium
  fi
}

build() {
  local t0=$SECONDS
  command -v cargo >/dev/null || die "cargo is missing: install Rust (https://rustup.rs) first"
  command -v node >/dev/null || apt_install nodejs
  build_wasm
  bind_wasm
  assemble chrome
  assemble firefox
  local wasm="$ENGINE/lector_bg.wasm"
  say "wasm engine: $(wc -c <"$wasm") bytes raw, $(gzip -9c "$wasm" | wc -c) bytes gzip; glue $(wc -c <"$ENGINE/lector.js") bytes"
  say "built dist/chrome and dist/firefox (version $VERSION) in $((SECONDS - t0)) s"
}

if [ "$MODE" = eval ]; then # needs the native CLI and node, not the extension
  ensure_node_packages
  cargo build --release --quiet --bin lector
  for corpus in wcxb readability; do
    say "lector eval $corpus (Lector and Readability.js)"
    target/release/lector eval "$corpus" || say "skipped $corpus (see the message above)"
  done
  exit 0
fi

build
case "$MODE" in
  test)
    t0=$SECONDS
    say "native tests: cargo test"
    cargo test --quiet
    say "Markdown round trip over the fixtures and the shared corpora (release build)"
    cargo test --release --quiet --test markdown_corpus -- --nocapture
    say "huge, deep and hostile pages at full size (release build; figures: docs/robustness.md)"
    cargo test --release --quiet --test robustness
    say "fuzz smoke run: each target for 8 s, seeded from the fixtures (longer runs: fuzz/run.sh SECONDS)"
    fuzz/run.sh 8
    cargo build --quiet --bin lector
    ensure_node_packages
    say "Firefox package lint: web-ext lint dist/firefox"
    npx --no-install web-ext lint --source-dir dist/firefox --output text 2>&1 | sed -n '/^Validation Summary/,$p'
    npx --no-install web-ext lint --source-dir dist/firefox --output json 2>/dev/null |
      node -e 'const r = JSON.parse(require("fs").readFileSync(0, "utf8")); process.exit(r.summary.errors ? 1 : 0)' ||
      die "web-ext lint found errors in dist/firefox"
    say "test build of the engine (feature test-trap: pages can ask it to panic) into dist/chrome-test"
    build_wasm "$ROOT/target/wasm-test" test-trap
    bind_wasm "$ROOT/target/wasm-test" "$ROOT/target/engine-test"
    assemble chrome "$ROOT/target/engine-test" chrome-test
    ensure_chromium
    say "end-to-end tests in $("$CHROMIUM" --version 2>/dev/null | head -n1)"
    node --test --test-concurrency=1 --test-reporter=spec tests/js/ tests/e2e/
    say "report: Lector's Markdown against Turndown + GFM on the fixtures"
    node tests/compare/turndown.mjs target/debug/lector
    say "all tests passed in $((SECONDS - t0)) s"
    ;;
  demo)
    ensure_node_packages
    ensure_chromium
    node tests/e2e/demo.mjs
    ;;
esac
