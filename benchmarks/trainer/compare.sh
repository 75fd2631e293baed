#!/usr/bin/env bash
# Trainer comparison: our BPE trainer (`tokenizers train`) against Hugging Face tokenizers' Rust trainer, natively via
# the npm package @anush008/tokenizers, on the same generated ~10 MB corpus with GPT-2 pre-tokenization.
# Usage: benchmarks/trainer/compare.sh [RUNS]   (needs the .NET SDK, node and npm)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
runs="${1:-3}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

(cd "$here" && npm install --no-audit --no-fund --silent >/dev/null)
dotnet build "$root/benchmarks/Tokenizers.Benchmarks" -c Release -v q -nologo >/dev/null
dotnet publish "$root/src/Tokenizers.Cli" -c Release -r linux-x64 --self-contained false -p:PublishAot=false -o "$work/cli" -v q -nologo >/dev/null
dotnet "$root/benchmarks/Tokenizers.Benchmarks/bin/Release/net10.0/Tokenizers.Benchmarks.dll" --write-training-corpus "$work/corpus.txt"
echo "corpus: $(wc -c < "$work/corpus.txt") bytes; $(nproc) cores; median of $runs runs each"

median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

for vocab in 16000 30000; do
  times=()
  for ((i = 0; i < runs; i++)); do
    start=$(date +%s.%N)
    "$work/cli/Tokenizers.Cli" train --model bpe --vocab-size "$vocab" --min-frequency 1 --pre-tokenizer gpt2 --output "$work/ours" "$work/corpus.txt" >/dev/null 2>&1
    end=$(date +%s.%N)
    times+=("$(echo "$end - $start" | bc)")
  done
  echo "ours vocabulary $vocab: $(printf '%s\n' "${times[@]}" | median) s (whole process, one thread)"
done

times=()
for ((i = 0; i < runs; i++)); do
  times+=("$(cd "$here" && node hf-train.js "$work/corpus.txt" 2>/dev/null | awk '/^hf / { print $2 }')")
done
echo "hf   vocabulary 30000: $(printf '%s\n' "${times[@]}" | median) s (train call only, every core; the binding fixes the size at 30,000)"
