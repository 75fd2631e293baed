#!/usr/bin/env bash
# Bounded-memory streaming encode: builds a 1 GiB UTF-8 corpus (English prose from ../shared's the-verdict.txt, or a
# built-in paragraph, interleaved with multilingual lines: accents, Cyrillic, Greek, CJK, Arabic, emoji, code, numbers),
# then runs `tokenizers encode --input CORPUS --output-tokens FILE` under /usr/bin/time and reports peak RSS,
# wall time and throughput. Nothing is committed; the corpus and token file live in a temporary folder.
# Usage: benchmarks/streaming/measure.sh [encoding (o200k_base)] [size in MiB (1024)]
set -euo pipefail
encoding=${1:-o200k_base}
mib=${2:-1024}
repo=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

dotnet build "$repo/src/Tokenizers.Cli" -c Release -nologo -v q >/dev/null
cli="$repo/src/Tokenizers.Cli/bin/Release/net10.0/tokenizers"

corpus="$work/corpus.txt"
"$repo/benchmarks/corpus.sh" "$corpus" "$mib"
bytes=$(stat -c %s "$corpus")

echo "corpus: $bytes bytes ($(( bytes / 1048576 )) MiB) in $work; encoding: $encoding"
/usr/bin/time -v "$cli" encode --encoding "$encoding" --input "$corpus" --output-tokens "$work/tokens.bin" 2> "$work/time.log" | tee "$work/out.log"
grep -E '^encode: ' "$work/time.log" | tail -n 3 || true
rss_kb=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$work/time.log")
wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$work/time.log")
seconds=$(awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; print s }' <<< "$wall")
echo "peak RSS: $(( rss_kb / 1024 )) MiB; wall: $wall; throughput: $(awk -v b="$bytes" -v s="$seconds" 'BEGIN { printf "%.1f", b / 1048576 / s }') MiB/s"
