#!/usr/bin/env bash
# Instructions per engine call, independent of machine load: builds a small harness package
# (in a temporary folder) against this repository, or against a worktree of REF, and counts
# with callgrind: per call = (instructions at N=200 - at N=0) / 200, for every case file.
#
#   Benchmarks/scripts/engine-instructions.sh            this checkout
#   Benchmarks/scripts/engine-instructions.sh bd508c6    another commit (a temporary worktree)
#   MODE=json ...                                        evaluate and write the JSON bytes
#
# Needs valgrind (installed with apt-get when missing) and about a minute of release build.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
mode=${MODE:-assess}
work=$(mktemp -d /tmp/engine-instructions.XXXXXX)
cleanup() {
    [ -n "${ref:-}" ] && git -C "$root" worktree remove --force "$work/repo" 2>/dev/null
    rm -rf "$work"
    git -C "$root" worktree prune
}
trap cleanup EXIT
command -v valgrind >/dev/null || { apt-get update -qq && apt-get install -y -qq valgrind >/dev/null; }
repo=$root
if [ $# -gt 0 ]; then
    ref=$1
    git -C "$root" worktree add --detach "$work/repo" "$ref" >/dev/null
    repo=$work/repo
fi
mkdir -p "$work/harness/Sources/harness"
cat >"$work/harness/Package.swift" <<SWIFT
// swift-tools-version: 6.0
import PackageDescription
let package = Package(name: "harness", dependencies: [.package(name: "sarcoma-guide", path: "$repo")],
  targets: [.executableTarget(name: "harness", dependencies: [.product(name: "SarcomaGuidelines", package: "sarcoma-guide"), .product(name: "JSON", package: "sarcoma-guide")])])
SWIFT
cat >"$work/harness/Sources/harness/main.swift" <<'SWIFT'
import Foundation
import JSON
import SarcomaGuidelines
// harness PACKDIR CASEFILE N assess|json
let arguments = CommandLine.arguments
var files: [String: [UInt8]] = [:]
for name in try FileManager.default.contentsOfDirectory(atPath: arguments[1]) where name.hasSuffix(".json") {
    files[name] = [UInt8](FileManager.default.contents(atPath: arguments[1] + "/" + name)!)
}
let engine = GuidelineEngine(pack: try GuidelinePack.load(files: files))
guard case .success(let tumorCase) = CaseDecoder().decode([UInt8](FileManager.default.contents(atPath: arguments[2])!)) else {
    fatalError("not a valid case: \(arguments[2])")
}
var total = 0
for _ in 0..<Int(arguments[3])! {
    let evaluation = engine.evaluate(.assessment, for: tumorCase)
    total &+= arguments[4] == "json" ? JSONWriter.compact.bytes(evaluation.json).count : evaluation.ruleIds.count
}
print(total)
SWIFT
(cd "$work/harness" && swift build -c release >"$work/build.log" 2>&1) || { cat "$work/build.log"; exit 1; }
binary=$work/harness/.build/release/harness
# The v1 pack: Config/guidelines/2026.11-1/ since packs live side by side, Config/guidelines/ before.
pack=$repo/Config/guidelines
[[ -d $pack/2026.11-1 ]] && pack=$pack/2026.11-1
echo "instructions per call ($mode), $(git -C "$repo" rev-parse --short HEAD):"
for file in "$root"/Benchmarks/Cases/*.json; do
    counts=()
    for n in 0 200; do
        valgrind --tool=callgrind --callgrind-out-file="$work/cg.$n" "$binary" "$pack" "$file" $n "$mode" \
            >/dev/null 2>"$work/err.$n"
        counts+=("$(grep -o 'Collected : [0-9]*' "$work/err.$n" | grep -o '[0-9]*')")
    done
    printf '%-40s %8d\n' "$(basename "$file" .json)" $(( (counts[1] - counts[0]) / 200 ))
done
