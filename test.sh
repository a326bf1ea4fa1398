#!/usr/bin/env bash
# Installs what the tests need, builds everything and runs every test project.
# Ends with one plain line: "N passed, N failed[, N skipped]".
# --full runs the long forms of the reliability suites (POUCHMON_FULL=1) and the ingest, flush and soak benchmarks,
# and writes every figure of the run to artifacts/reliability.md (docs/reliability.md). Other arguments go to dotnet test.
set -uo pipefail
cd "$(dirname "$0")"

full=0
pass=()
for arg in "$@"; do
  if [ "$arg" = "--full" ]; then full=1; else pass+=("$arg"); fi
done

need=()
command -v mosquitto >/dev/null 2>&1 || [ -x /usr/sbin/mosquitto ] || need+=(mosquitto)
command -v victoria-metrics >/dev/null 2>&1 || need+=(victoria-metrics)
command -v chromium >/dev/null 2>&1 || need+=(chromium)
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || need+=(fonts-dejavu-core)
if [ ${#need[@]} -gt 0 ]; then
  echo "Installing Debian packages: ${need[*]}"
  sudo_cmd=""; [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  # The Debian packages start their own services; the tests start private instances on free ports.
  for svc in mosquitto victoria-metrics; do $sudo_cmd systemctl stop "$svc" >/dev/null 2>&1 || true; done
fi

results="$PWD/artifacts/test-results"
rm -rf "$results"
mkdir -p "$results"
# The suites append their figures here, one file per test module.
export POUCHMON_FIGURES="$PWD/artifacts/figures"
rm -rf "$POUCHMON_FIGURES"
if [ "$full" -eq 1 ]; then export POUCHMON_FULL=1; fi

dotnet restore PouchMonitor.sln || { echo "0 passed, 1 failed"; exit 1; }
dotnet build PouchMonitor.sln --no-restore -c Release || { echo "0 passed, 1 failed"; exit 1; }
# One test module at a time: the simulator's accelerated-clock tests and the broker tests are timing-sensitive
# on two cores.
dotnet test --solution PouchMonitor.sln --no-build -c Release --max-parallel-test-modules 1 \
  --report-xunit-trx --results-directory "$results" "${pass[@]}"
status=$?

if [ "$full" -eq 1 ]; then
  report="$PWD/artifacts/reliability.md"
  {
    echo "# Reliability figures of ./test.sh --full"
    echo
    echo "$(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $(uname -sm), commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
    echo
    echo "| suite | case | figures |"
    echo "| --- | --- | --- |"
    cat "$POUCHMON_FIGURES"/*.md 2>/dev/null
    # The load figures: the benchmarks' own code and tables (printed, never asserted).
    for bench in "--ingest" "--ingest --rate 1000" "--flush" "--soak --rig-days 14"; do
      echo
      echo "## Benchmark $bench"
      echo
      echo '```'
      # shellcheck disable=SC2086
      dotnet run -c Release --no-build --project tests/PouchMonitor.Benchmarks -- $bench 2>&1 || { echo "benchmark $bench failed"; status=1; }
      echo '```'
    done
  } > "$report"
  echo "Figures: $report"
fi

passed=0; failed=0; skipped=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx")
  get() { echo "$counters" | sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p"; }
  passed=$((passed + $(get passed)))
  failed=$((failed + $(get failed) + $(get error) + $(get timeout) + $(get aborted)))
  skipped=$((skipped + $(get notExecuted)))
done
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
line="$passed passed, $failed failed"
[ "$skipped" -gt 0 ] && line="$line, $skipped skipped"
echo "$line"
exit "$status"
