#!/usr/bin/env bash
# Whole-process counting on one file, as users run each tool, in one run: the installed `tokenizers` tool (Native AOT,
# every core, and --threads 1 for the speed-up), its framework-dependent `any` fallback, and `encode --output-tokens`,
# against Microsoft.ML.Tokenizers 2.0.1 (a ReadyToRun console app: File.ReadAllText + CountTokens, MlCount/) and
# tiktoken's Rust core through npm @anysphere/tiktoken-node 0.2.1 (tiktoken-count.js). The commands alternate, RUNS
# times each after one warm-up (the count check); medians of wall and CPU time (user + system: on a busy machine the
# fairer figure, though it cannot show the gain of a second core), ratios, and a check that every count agrees.
# Usage: benchmarks/whole-process/compare.sh [RUNS (5)] [FILE (a generated 10 MiB mixed corpus)]   (needs node and npm)
set -euo pipefail
runs=${1:-5}
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

(cd "$here" && npm install --no-audit --no-fund --silent >/dev/null)
"$repo/benchmarks/install-tool.sh" "$work"
dotnet publish "$here/MlCount" -c Release -r linux-x64 --self-contained false -nologo -v q -o "$work/ml" >/dev/null
file=${2:-$work/corpus.txt}
[ -n "${2:-}" ] || "$repo/benchmarks/corpus.sh" "$file" 10

names=("tokenizers count (AOT, $(nproc) cores)" "tokenizers count --threads 1 (AOT)" "tokenizers encode --output-tokens (AOT)"
  "tokenizers count, the any package (JIT)" "ML.Tokenizers 2.0.1 (ReadyToRun)" "tiktoken-rs (@anysphere/tiktoken-node)")
command_0() { "$work/tool/tokenizers" count --encoding cl100k_base --input "$file"; }
command_1() { "$work/tool/tokenizers" count --encoding cl100k_base --input "$file" --threads 1; }
command_2() { "$work/tool/tokenizers" encode --encoding cl100k_base --input "$file" --output-tokens "$work/tokens.bin" --quiet >/dev/null; TOKENS=$(( $(stat -c %s "$work/tokens.bin") / 4 )); echo "$TOKENS"; }
command_3() { dotnet "$work/any/Tokenizers.Cli.dll" count --encoding cl100k_base --input "$file"; }
command_4() { "$work/ml/MlCount" "$file"; }
command_5() { node "$here/tiktoken-count.js" "$file"; }

counts=()
for c in "${!names[@]}"; do counts+=("$("command_$c")"); done
for c in "${!names[@]}"; do
  [ "${counts[$c]}" = "${counts[0]}" ] || { echo "${names[$c]} counts ${counts[$c]}, tokenizers ${counts[0]}" >&2; exit 1; }
done

declare -A wall cpu
TIMEFORMAT='%R %U %S'
for ((i = 0; i < runs; i++)); do
  for c in "${!names[@]}"; do
    read -r real user sys < <({ time "command_$c" >/dev/null 2>&1; } 2>&1)
    wall[$c]+="$real "
    cpu[$c]+="$(echo "$user + $sys" | bc) "
  done
done
median() { tr ' ' '\n' | grep . | sort -n | awk '{ a[NR] = $1 } END { printf "%.3f", a[int((NR + 1) / 2)] }'; }
bytes=$(stat -c %s "$file")
echo "$bytes bytes, ${counts[0]} cl100k_base tokens; $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); median of $runs runs, alternating"
declare -a m
for c in "${!names[@]}"; do
  m[$c]=$(echo "${wall[$c]}" | median)
  printf '%-45s %7.3f s wall  %6.1f MB/s  %7.3f s CPU\n' "${names[$c]}" "${m[$c]}" "$(echo "$bytes / ${m[$c]} / 1000000" | bc -l)" "$(echo "${cpu[$c]}" | median)"
done
printf 'wall: ML.Tokenizers ÷ tokenizers: %.1f×   tiktoken-rs ÷ tokenizers: %.1f×   2 cores ÷ 1: %.2f×\n' \
  "$(echo "${m[4]} / ${m[0]}" | bc -l)" "$(echo "${m[5]} / ${m[0]}" | bc -l)" "$(echo "${m[1]} / ${m[0]}" | bc -l)"
