#!/usr/bin/env bash
# Issue 9 §6 as users run it: whole processes of the installed `tokenizers` tool counting a 1 MB prose file with
# `--tokenizer <model>/tokenizer.json`, first with an empty cache (the tool compiles the file and keeps its tables) and
# then warm (it reads them back), against a node script doing the same with Hugging Face's Rust core
# (hf-count.js, RAYON_NUM_THREADS=1). Three runs each, alternating, under /usr/bin/time; prints wall, user and system
# seconds, the id counts (they must agree) and the load average before and after.
# Usage: benchmarks/load-time/cli-vs-hf.sh [model...]   (default: llama3 qwen3)
# INPUT=FILE counts that file instead of the prose (e.g. a corpus the benchmark writes with --write-corpus).
# Models: $TOKENIZERS_HF_MODELS/<model>/tokenizer.json, else what the test build installed (tests/huggingface/obj/models).
# The binding: $TOKENIZERS_HF_NODE_MODULES, else tests/huggingface/node_modules. Nothing is committed or left behind.
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
shared=${TOKENIZERS_SHARED:-$repo/../shared}
models_dir=${TOKENIZERS_HF_MODELS:-$repo/tests/huggingface/obj/models}
node_modules=${TOKENIZERS_HF_NODE_MODULES:-$repo/tests/huggingface/node_modules}
if [ $# -gt 0 ]; then models=("$@"); else models=(llama3 qwen3); fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The tool as a user installs it: packed (with its RID-specific Native AOT package), then `dotnet tool install
# --tool-path` from the local packages.
"$repo/benchmarks/install-tool.sh" "$work"
tool="$work/tool/tokenizers"

if [ -n "${INPUT:-}" ]; then cp "$INPUT" "$work/prose.txt"; else
  for _ in $(seq 50); do cat "$shared/data/the-verdict.txt"; done > "$work/prose.txt"
fi
echo "${INPUT:-prose}: $(stat -c %s "$work/prose.txt") bytes; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"

timed() { # label, command...: one line "label wall user system output"
  local label=$1; shift
  if ! /usr/bin/time -f '%e %U %S' "$@" > "$work/out" 2> "$work/err"; then cat "$work/err" >&2; exit 1; fi
  printf '%-14s %6s s wall %6s s user %6s s sys   %s ids\n' "$label" $(tail -n 1 "$work/err") "$(cat "$work/out")"
}

for model in "${models[@]}"; do
  json="$models_dir/$model/tokenizer.json"
  echo "== $model ($json)"
  for run in 1 2 3; do
    cache="$work/cache-$model-$run"
    timed "ours cold" env TOKENIZERS_CACHE="$cache" "$tool" count --tokenizer "$json" --input "$work/prose.txt"
    timed "ours warm" env TOKENIZERS_CACHE="$cache" "$tool" count --tokenizer "$json" --input "$work/prose.txt"
    timed "ours no-cache" "$tool" count --tokenizer "$json" --input "$work/prose.txt" --no-cache
    timed "HF (node)" env NODE_PATH="$node_modules" RAYON_NUM_THREADS=1 node "$repo/benchmarks/load-time/hf-count.js" "$json" "$work/prose.txt"
  done
  echo "cache entry: $(du -h "$work/cache-$model-1" | cut -f1)"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
