#!/usr/bin/env bash
# Runs each fuzz target for a bounded time: fuzz/run.sh [seconds per target] [target...]
# (0 seconds replays the seeds and the regression inputs without mutating them.)
# Seeds come from the committed fixtures (tests/pages/*/source.html), copied at run time into
# fuzz/corpus/<target>/ (ignored by git), where libFuzzer also keeps what it finds.
# cargo-fuzz needs nightly flags; RUSTC_BOOTSTRAP=1 lets the stable toolchain take them.
# No sanitizer: the engine forbids unsafe code, and without ASan it runs several times faster.
set -euo pipefail
cd "$(dirname "$0")"
SECONDS_EACH=${1:-10}
shift || true
TARGETS=("$@")
[ ${#TARGETS[@]} -gt 0 ] || TARGETS=(extract sanitize front_matter)
export RUSTC_BOOTSTRAP=1
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked --quiet
cargo fuzz build -s none -O >/dev/null 2>&1 || cargo fuzz build -s none -O
for target in "${TARGETS[@]}"; do
  corpus="corpus/$target"
  mkdir -p "$corpus" "artifacts/$target"
  for page in ../tests/pages/*/source.html; do
    cp "$page" "$corpus/seed-$(basename "$(dirname "$page")").html"
  done
  # Regression inputs (crashes found earlier, now fixed) run first, every time.
  regressions=()
  [ -d "regressions/$target" ] && regressions=("regressions/$target")
  # Whole pages for the extractor; the other targets explore faster on smaller inputs.
  max_len=16384
  [ "$target" = extract ] && max_len=65536
  # 0 seconds: replay the seeds and regression inputs only (deterministic, for the test run).
  limit=(-max_total_time="$SECONDS_EACH")
  [ "$SECONDS_EACH" = 0 ] && limit=(-runs=0)
  echo "fuzz: $target for ${SECONDS_EACH}s"
  cargo fuzz run -s none -O "$target" "$corpus" "${regressions[@]}" -- \
    "${limit[@]}" -max_len=$max_len -timeout=20 -rss_limit_mb=2048 \
    -print_final_stats=1 2>&1 | grep -E "^(#[0-9]+ +DONE|stat::number_of_executed_units|stat::peak_rss_mb|==[0-9]+== ERROR|thread .* panicked|SUMMARY|INFO: seed corpus)|cov:" | tail -n 4
done
