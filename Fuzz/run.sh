#!/usr/bin/env bash
# Builds the fuzz targets (release, libFuzzer + AddressSanitizer) and runs each for
# SECONDS (default 60) on a copy of the committed seed corpus, then prints a summary
# ending in "N passed, M failed". A crash, hang (-timeout), leak or memory blow-up
# (-rss_limit_mb) is a failure: the input is kept under Fuzz/artifacts/ and hex-dumped.
#
# If -sanitize=fuzzer does not build or link with this toolchain, says why and runs the
# property-based stand-in instead (same targets built with -D FUZZ_STANDALONE: seeded
# random mutations of the same corpus, no coverage feedback). FUZZ_STANDALONE=1 forces it.
#
#   Fuzz/run.sh [SECONDS]            # e.g. Fuzz/run.sh 60 in CI
#   FUZZ_TARGETS="fuzz-case-decoder" Fuzz/run.sh 600
#   FUZZ_KEEP_CORPUS=1 ...           # keep the grown corpus copies (path printed)
#   FUZZ_RSS_LIMIT_MB=N ...          # -rss_limit_mb (default 2048)
set -uo pipefail

SECONDS_PER_TARGET="${1:-60}"
case "$SECONDS_PER_TARGET" in ''|*[!0-9]*) echo "usage: $0 [SECONDS]" >&2; exit 2 ;; esac

HERE="$(cd "$(dirname "$0")" && pwd)"
cd "$HERE"
TARGETS="${FUZZ_TARGETS:-fuzz-request-parser fuzz-case-decoder}"
ARTIFACTS="$HERE/artifacts"
mkdir -p "$ARTIFACTS"
# libFuzzer reports crashes itself; the Swift runtime backtracer would only slow that down.
export SWIFT_BACKTRACE="${SWIFT_BACKTRACE:-enable=no}"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/sarcoma-fuzz.XXXXXX")"
if [ -z "${FUZZ_KEEP_CORPUS:-}" ]; then trap 'rm -rf "$WORK"' EXIT; fi

max_len_for() {
    case "$1" in
        fuzz-request-parser) echo 4096 ;;
        fuzz-case-decoder) echo 8192 ;;
        *) echo 4096 ;;
    esac
}
corpus_for() { echo "${1#fuzz-}"; }

FUZZ_FLAGS=(-c release -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library)
STANDALONE_FLAGS=(-c release --scratch-path "$HERE/.build-standalone" -Xswiftc -parse-as-library -Xswiftc -D -Xswiftc FUZZ_STANDALONE)

mode=libfuzzer
if [ -n "${FUZZ_STANDALONE:-}" ]; then
    mode=standalone
    echo "fuzz: FUZZ_STANDALONE is set: using the property-based stand-in"
else
    echo "fuzz: building with: swift build ${FUZZ_FLAGS[*]}"
    if ! swift build "${FUZZ_FLAGS[@]}" > "$WORK/build.log" 2>&1; then
        echo "fuzz: the libFuzzer build failed with this toolchain ($(swift --version 2>&1 | head -n 1)):"
        grep -E "error|undefined|cannot find|not supported" "$WORK/build.log" | head -n 10 | sed 's/^/fuzz:   /'
        echo "fuzz: falling back to the property-based stand-in (seeded random mutations, no coverage feedback)"
        mode=standalone
    else
        BIN="$(swift build "${FUZZ_FLAGS[@]}" --show-bin-path)"
    fi
fi
if [ "$mode" = standalone ]; then
    echo "fuzz: building with: swift build ${STANDALONE_FLAGS[*]}"
    if ! swift build "${STANDALONE_FLAGS[@]}" > "$WORK/build.log" 2>&1; then
        tail -n 30 "$WORK/build.log"
        echo "fuzz: the stand-in does not build either"
        echo "0 passed, 1 failed"
        exit 1
    fi
    BIN="$(swift build "${STANDALONE_FLAGS[@]}" --show-bin-path)"
fi

passed=0
failed=0
summaries=()
for target in $TARGETS; do
    corpus="$(corpus_for "$target")"
    copy="$WORK/corpus-$corpus"
    cp -R "$HERE/Corpus/$corpus" "$copy"
    log="$WORK/$target.log"
    before="$(ls "$ARTIFACTS")"
    args=(
        -max_total_time="$SECONDS_PER_TARGET" -max_len="$(max_len_for "$target")" -timeout=5
        -rss_limit_mb="${FUZZ_RSS_LIMIT_MB:-2048}" -artifact_prefix="$ARTIFACTS/$target-" -print_final_stats=1
    )
    [ -f "$HERE/Corpus/$corpus.dict" ] && args+=(-dict="$HERE/Corpus/$corpus.dict")
    echo "fuzz: $target ($mode) for ${SECONDS_PER_TARGET}s on a copy of Corpus/$corpus ($(ls "$copy" | wc -l) files)"
    started=$(date +%s)
    "$BIN/$target" "${args[@]}" "$copy" > "$log" 2>&1
    status=$?
    elapsed=$(( $(date +%s) - started ))
    if [ "$mode" = libfuzzer ]; then
        runs="$(grep -Eo '^Done [0-9]+ runs' "$log" | grep -Eo '[0-9]+' | tail -n 1)"
        [ -z "$runs" ] && runs="$(grep -Eo 'stat::number_of_executed_units: *[0-9]+' "$log" | grep -Eo '[0-9]+$' | tail -n 1)"
        last="$(grep -E '^#[0-9]+' "$log" | tail -n 1)"
        cov="$(echo "$last" | grep -Eo 'cov: [0-9]+' | grep -Eo '[0-9]+')"
        ft="$(echo "$last" | grep -Eo 'ft: [0-9]+' | grep -Eo '[0-9]+')"
        corp="$(echo "$last" | grep -Eo 'corp: [0-9]+/[0-9A-Za-z]+' | sed 's/corp: //')"
        rss="$(grep -Eo 'stat::peak_rss_mb: *[0-9]+' "$log" | grep -Eo '[0-9]+$' | tail -n 1)"
        line="$target: ${elapsed}s, ${runs:-?} executions, coverage ${cov:-?} edges (${ft:-?} features), corpus ${corp:-?}, peak RSS ${rss:-?} MB"
    else
        line="$target: ${elapsed}s, $(grep -Eo 'Done [0-9]+ runs' "$log" | tail -n 1 | grep -Eo '[0-9]+' || echo '?') executions (property-based stand-in, no coverage)"
    fi
    if [ "$status" -eq 0 ]; then
        passed=$((passed + 1))
        summaries+=("PASS $line")
    else
        failed=$((failed + 1))
        summaries+=("FAIL $line (exit status $status)")
        echo "fuzz: $target FAILED (exit status $status); the end of its log:"
        grep -v -E '^(#[0-9]+|INFO:|"|###)' "$log" | tail -n 40 | sed 's/^/    /'
        for artifact in $(ls "$ARTIFACTS"); do
            if ! printf '%s\n' "$before" | grep -qxF "$artifact"; then
                echo "fuzz: failing input kept at $ARTIFACTS/$artifact ($(wc -c < "$ARTIFACTS/$artifact") bytes):"
                od -A x -t x1z -v "$ARTIFACTS/$artifact" | head -n 64 | sed 's/^/    /'
                echo "fuzz: reproduce with: $BIN/$target $ARTIFACTS/$artifact"
            fi
        done
    fi
    cp "$log" "$ARTIFACTS/$target.last.log" 2>/dev/null || true
    [ -n "${FUZZ_KEEP_CORPUS:-}" ] && echo "fuzz: grown corpus kept at $copy"
done

echo "fuzz: summary ($mode)"
for line in "${summaries[@]}"; do echo "  $line"; done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
