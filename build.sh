#!/usr/bin/env bash
# Lector's one build script (Ruffle-style: cargo → wasm-bindgen → per-browser manifests).
#
#   ./build.sh          set up what is missing, build the wasm engine and both extensions
#   ./build.sh test     build, then run every test: native (cargo test), JS units, and the
#                       end-to-end suites with the built extension in Debian's Chromium and
#                       in Firefox ESR (skipped, saying so, where firefox-esr cannot be had)
#   LECTOR_WASM_ROUTE=debian|rustup ./build.sh   forces one wasm32 route
#   ./build.sh demo     build, open the bundled sample page in headless Chromium, press the
#                       toolbar button, and write before/after screenshots to docs/screenshots/
#                       (plus firefox-reader.png from the Firefox tests), and an icon contact
#                       sheet on light and dark toolbars to target/icon-sheet.png
#   ./build.sh eval     quality figures of Lector beside Readability.js over the shared corpora
#                       (`lector eval`, see docs/quality.md); LECTOR_CORPORA=dir picks the corpora
#   ./build.sh bench [browser|native|scaling|all] [options]   speed figures (docs/performance.md):
#                       browser: Lector, Readability.js and a DOM-walk floor in Chromium over the
#                       corpora (options: --pages N, --filter TEXT, --no-wcxb, --runs N);
#                       native: criterion, Lector beside dom_smoothie; scaling: synthetic pages
#   LECTOR_WASM_OPT="-Oz --converge ..."  wasm-opt flags for the engine (binaryen from npm); "none" skips it
#
# Outputs: dist/chrome/ and dist/firefox/ (load unpacked), the store zips
# dist/lector-<browser>-<version>.zip and dist/lector-source-<version>.zip (for AMO review).
# Set-up it does on a fresh Debian machine (as root or with sudo): apt packages for the wasm
# toolchain, Chromium and Firefox ESR, wasm-bindgen-cli at the version pinned in Cargo.toml, and the npm
# dev packages from package-lock.json. On a machine where rustup has (or can fetch) the
# wasm32 target, that is used instead of Debian's rustc-web.
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$PWD
MODE=${1:-build}

say() { printf '\033[1m[lector]\033[0m %s\n' "$*"; }
die() { printf '\033[31m[lector] error:\033[0m %s\n' "$*" >&2; exit 1; }

case "$MODE" in
  build | test | demo | eval | bench) ;;
  -h | --help | help) sed -n '2,26p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
  *) die "unknown command '$MODE' (expected: build, test, demo, eval or bench)" ;;
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
  # Panic messages carry source paths; map the cargo registry's so that the wasm does not
  # depend on where it was built (docs/building-from-source.md).
  local rustflags="--remap-path-prefix=${CARGO_HOME:-$HOME/.cargo}=/cargo${RUSTFLAGS:+ $RUSTFLAGS}"
  # Panic locations (file, line, column of every bounds check and unwrap) cost 2.5 KB of the
  # gzipped engine; the message stays (docs/performance.md, Size). The flag is unstable, as is
  # the `optimize(size)` attribute of the engine's cold code (src/lib.rs), so RUSTC_BOOTSTRAP
  # is set, for this build only, on either route.
  rustflags="$rustflags -Zlocation-detail=none"
  if [ "$route" = rustup ]; then
    say "wasm32 route: rustup target $WASM_TARGET ($(rustc --version))${2:+ with features $2}"
    RUSTFLAGS="$rustflags" RUSTC_BOOTSTRAP=1 CARGO_TARGET_DIR="$out" cargo build --release --lib --target "$WASM_TARGET" --quiet "${features[@]}"
  else
    apt_install rustc-web cargo-web rust-web-src rust-web-llvm lld-22
    touch "$WASM_OUT/.route-debian"
    say "wasm32 route: Debian $(/usr/bin/rustc --version) with -Z build-std (no rustup wasm32 target here)${2:+ with features $2}"
    # RUSTC_BOOTSTRAP lets this stable compiler rebuild std for wasm32; scoped to this command.
    RUSTFLAGS="$rustflags" RUSTC=/usr/bin/rustc RUSTC_BOOTSTRAP=1 CARGO_TARGET_DIR="$out" \
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

# Binaryen's wasm-opt from npm (package-lock.json pins it; pure JS and wasm, so it installs
# anywhere npm does). Debian's binaryen is too old to read current rustc output. It reads the
# wasm's target_features section, so it needs no --enable flags, and its output depends on
# its input and flags only (docs/performance.md: size). Functions with one caller stay out
# of line: inlining them made the gzip'd engine 4.3 KB larger (150,842 against 146,544 bytes
# on 2026-12-07).
WASM_OPT_FLAGS=${LECTOR_WASM_OPT:--Oz --converge --one-caller-inline-max-function-size=0}
optimize_wasm() { # file
  [ "$WASM_OPT_FLAGS" = none ] && return 0
  local wasm_opt="$ROOT/node_modules/.bin/wasm-opt"
  [ -x "$wasm_opt" ] || ensure_node_packages
  if [ ! -x "$wasm_opt" ]; then
    say "note: no wasm-opt (npm package binaryen): the wasm is not optimised further"
    return 0
  fi
  # shellcheck disable=SC2086 # the flags are words on purpose
  "$wasm_opt" $WASM_OPT_FLAGS "$1" -o "$1.opt" || die "wasm-opt $WASM_OPT_FLAGS failed on $1"
  mv "$1.opt" "$1"
}

ENGINE="$ROOT/target/engine"
bind_wasm() { # [target dir] [engine dir]
  local wasm="${1:-$WASM_OUT}/$WASM_TARGET/release/lector.wasm" engine=${2:-$ENGINE}
  [ -f "$wasm" ] || die "the wasm build produced no $wasm"
  if [ -f "$engine/lector_bg.wasm" ] && [ "$engine/lector_bg.wasm" -nt "$wasm" ] &&
    [ "$(cat "$engine/.wasm-opt" 2>/dev/null)" = "$WASM_OPT_FLAGS" ]; then return; fi
  ensure_wasm_bindgen
  rm -rf "$engine"
  # no-modules: content scripts are classic scripts, and the glue must load in them as is.
  wasm-bindgen --target no-modules --no-typescript --remove-name-section --remove-producers-section \
    --out-dir "$engine" --out-name lector "$wasm"
  optimize_wasm "$engine/lector_bg.wasm"
  echo "$WASM_OPT_FLAGS" >"$engine/.wasm-opt"
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
# Every icon size the stores and toolbars use, rendered from the one SVG.
ICON_SIZES="16 32 48 96 128"
ICONS="$ROOT/target/icons"
render_icons() {
  local svg=extension/icons/lector.svg
  if [ -f "$ICONS/icon-128.png" ] && [ "$ICONS/icon-128.png" -nt "$svg" ]; then return; fi
  command -v rsvg-convert >/dev/null || apt_install librsvg2-bin
  mkdir -p "$ICONS"
  for size in $ICON_SIZES; do
    rsvg-convert --width "$size" --height "$size" "$svg" --output "$ICONS/icon-$size.png"
  done
}

assemble() { # browser [dist folder] [engine dir] [output name: a test build, no package]
  local browser=$1 dist=${2:-$ROOT/dist} engine=${3:-$ENGINE}
  local out="$dist/${4:-$1}"
  rm -rf "$out"
  mkdir -p "$out/engine"
  cp -R extension/. "$out/"
  rm -f "$out/icons/lector.svg"
  cp "$ICONS"/icon-*.png "$out/icons/"
  cp "$engine/lector.js" "$out/engine/"
  # The offscreen document (Chromium only) loads the wasm file; content scripts use the inlined copy.
  if [ "$browser" = chrome ]; then cp "$engine/lector_bg.wasm" "$out/engine/"; fi
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
  // Firefox: an event page (background.js alone), no offscreen documents: it runs wasm in
  // content scripts on every page, so background-chromium.js and offscreen/ stay out.
  delete m.background.service_worker;
  delete m.minimum_chrome_version;
  delete m.message_serialization; // Firefox always structured-clones messages
  m.permissions = m.permissions.filter((p) => p !== 'offscreen');
}
fs.writeFileSync(dst, JSON.stringify(m, null, 2) + '\n');
JS
  if [ "$browser" = firefox ]; then rm -rf "$out/offscreen" "$out/background-chromium.js"; fi
  [ -z "${4:-}" ] || return 0 # a test build gets no package
  python3 tools/pack_zip.py "$out" "$dist/lector-$browser-$VERSION.zip"
}

# The source for AMO's review (the wasm is generated, so reviewers rebuild it): the committed
# tree at HEAD, as docs/building-from-source.md describes. git archive stamps every entry
# with the commit's time, so one commit always gives the same zip.
source_zip() {
  local zip="$ROOT/dist/lector-source-$VERSION.zip"
  rm -f "$zip"
  if ! git -C "$ROOT" rev-parse --verify -q HEAD >/dev/null 2>&1; then
    say "no git checkout here: no source zip"
    return
  fi
  git -C "$ROOT" archive --format=zip --prefix="lector-$VERSION/" -o "$zip" HEAD
  if [ -n "$(git -C "$ROOT" status --porcelain --untracked-files=no)" ]; then
    say "note: the source zip is HEAD ($(git -C "$ROOT" rev-parse --short HEAD)); uncommitted changes are not in it"
  fi
}

# Raw, gzip -9 and brotli (quality 11) bytes of a file, as "R raw, G gzip, B brotli".
compressed_sizes() {
  node -e '
const fs = require("fs");
const zlib = require("zlib");
const bytes = fs.readFileSync(process.argv[1]);
const brotli = zlib.brotliCompressSync(bytes, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } });
process.stdout.write(`${bytes.length} bytes raw, ${process.argv[2]} gzip -9, ${brotli.length} brotli`);
' "$1" "$(gzip -9c "$1" | wc -c)"
}

size_report() {
  local wasm="$ENGINE/lector_bg.wasm"
  say "wasm engine ($([ "$WASM_OPT_FLAGS" = none ] && echo "no wasm-opt" || echo "wasm-opt $WASM_OPT_FLAGS")): $(compressed_sizes "$wasm"); glue $(wc -c <"$ENGINE/lector.js") bytes"
}

packages_report() {
  local zip
  for zip in "$ROOT"/dist/lector-*-"$VERSION".zip; do
    say "$(basename "$zip"): $(wc -c <"$zip") bytes, sha256 $(sha256sum "$zip" | cut -c1-64)"
  done
}

# The store zips must depend on the inputs only: assemble both again into a scratch folder,
# from copies whose times and permissions all differ, and demand the same bytes.
check_reproducible() {
  local scratch; scratch=$(mktemp -d)
  local browser a b
  for browser in chrome firefox; do
    (umask 077 && assemble "$browser" "$scratch")
    a=$(sha256sum <"$ROOT/dist/lector-$browser-$VERSION.zip")
    b=$(sha256sum <"$scratch/lector-$browser-$VERSION.zip")
    [ "$a" = "$b" ] || die "dist/lector-$browser-$VERSION.zip is not reproducible: a second assembly gave other bytes (kept in $scratch)"
  done
  rm -rf "$scratch"
  say "reproducible: assembling again (other file times, umask 077) gave byte-identical zips"
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

# Firefox ESR for the Firefox browser tests; a machine without it (and without apt) skips them.
ensure_firefox() {
  if [ -n "${FIREFOX:-}" ] && [ -x "$FIREFOX" ]; then return 0; fi
  if ! command -v firefox-esr >/dev/null; then (apt_install firefox-esr) || return 1; fi
  FIREFOX=$(command -v firefox-esr) || return 1
  export FIREFOX
}

build() {
  local t0=$SECONDS
  command -v cargo >/dev/null || die "cargo is missing: install Rust (https://rustup.rs) first"
  command -v node >/dev/null || apt_install nodejs
  build_wasm
  bind_wasm
  render_icons
  assemble chrome
  assemble firefox
  source_zip
  size_report
  packages_report
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

if [ "$MODE" = bench ]; then
  WHAT=${2:-all}
  shift $(($# > 1 ? 2 : 1))
  case "$WHAT" in browser | native | scaling | all) ;; *) die "unknown benchmark '$WHAT' (expected: browser, native, scaling or all)" ;; esac
  NATIVE_ARGS=() # criterion's own options, for `./build.sh bench native ...` only
  [ "$WHAT" = native ] && NATIVE_ARGS=("$@")
  if [ "$WHAT" = native ] || [ "$WHAT" = all ]; then
    say "native: Lector beside dom_smoothie over the corpora (criterion; benches/native)"
    (cd benches/native && CARGO_TARGET_DIR="$ROOT/target/bench-native" cargo bench --quiet --bench corpus -- "${NATIVE_ARGS[@]}")
  fi
  if [ "$WHAT" = scaling ] || [ "$WHAT" = all ]; then
    say "scaling: synthetic pages, 1k to 200k elements and deep nesting (native)"
    (cd benches/native && CARGO_TARGET_DIR="$ROOT/target/bench-native" cargo bench --quiet --bench scaling)
  fi
  if [ "$WHAT" = browser ] || [ "$WHAT" = all ]; then
    build
    ensure_node_packages
    ensure_chromium
    say "browser: Lector, Readability.js and the DOM-walk floor in $("$CHROMIUM" --version 2>/dev/null | head -n1)"
    node tests/bench/browser.mjs "$@"
  fi
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
    # Replay only: a mutating run can find something new at any time, which belongs in a
    # report, not in a red build (longer runs by hand: fuzz/run.sh SECONDS; docs/robustness.md).
    say "fuzz targets over the fixtures and the regression inputs (replay; mutation runs: fuzz/run.sh SECONDS)"
    fuzz/run.sh 0
    cargo build --quiet --bin lector
    ensure_node_packages
    check_reproducible
    say "Firefox package lint: web-ext lint dist/firefox (no errors and no warnings allowed)"
    npx --no-install web-ext lint --source-dir dist/firefox --output text 2>&1 | sed -n '/^Validation Summary/,$p'
    npx --no-install web-ext lint --source-dir dist/firefox --output json 2>/dev/null |
      node -e 'const r = JSON.parse(require("fs").readFileSync(0, "utf8")); process.exit(r.summary.errors || r.summary.warnings ? 1 : 0)' ||
      die "web-ext lint found errors or warnings in dist/firefox"
    say "test build of the engine (feature test-trap: pages can ask it to panic) into dist/chrome-test"
    build_wasm "$ROOT/target/wasm-test" test-trap
    bind_wasm "$ROOT/target/wasm-test" "$ROOT/target/engine-test"
    assemble chrome "$ROOT/dist" "$ROOT/target/engine-test" chrome-test
    ensure_chromium
    say "end-to-end tests in $("$CHROMIUM" --version 2>/dev/null | head -n1)"
    node --test --test-concurrency=1 --test-reporter=spec tests/js/ tests/e2e/
    if ensure_firefox; then
      say "end-to-end tests in $("$FIREFOX" --version 2>/dev/null | head -n1) (WebDriver BiDi)"
      node --test --test-concurrency=1 --test-reporter=spec tests/firefox/
    else
      say "SKIPPED: the Firefox tests (tests/firefox/): no Firefox here and firefox-esr could not be installed"
    fi
    say "report: Lector's Markdown against Turndown + GFM on the fixtures"
    node tests/compare/turndown.mjs target/debug/lector
    say "all tests passed in $((SECONDS - t0)) s"
    ;;
  demo)
    ensure_node_packages
    ensure_chromium
    node tests/e2e/demo.mjs
    node tests/e2e/icon-sheet.mjs
    if ensure_firefox; then
      LECTOR_UPDATE_SCREENSHOTS=1 node --test --test-reporter=dot tests/firefox/
      say "wrote docs/screenshots/firefox-reader.png"
    fi
    ;;
esac
