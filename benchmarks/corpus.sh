#!/usr/bin/env bash
# Writes a UTF-8 corpus of about MIB MiB to OUT: blocks of about 1 MiB, each English prose (../shared's
# the-verdict.txt, or a built-in paragraph) followed by multilingual lines (accents, Cyrillic, Greek, CJK, Arabic, emoji,
# code, numbers); always whole lines, so always valid UTF-8. Shared by the streaming and whole-process benchmarks.
# Usage: benchmarks/corpus.sh OUT MIB
set -euo pipefail
out=$1
mib=$2
repo=$(cd "$(dirname "$0")/.." && pwd)
shared=${TOKENIZERS_SHARED:-$repo/../shared}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
{
  if [ -f "$shared/data/the-verdict.txt" ]; then cat "$shared/data/the-verdict.txt"; else
    printf 'I HAD always thought Jack Gisburn rather a cheap genius--though a good fellow enough--so it was no great surprise to me to hear that, in the height of his glory, he had dropped his painting.\n%.0s' $(seq 100)
  fi
} > "$work/prose.txt"
multilingual=$'Ça coûte 12,50 € — naïve café, straße, İstanbul, ǅemal.\nПривет, мир! Это тест токенизатора №42.\nΚαλημέρα κόσμε· ο τοκενιστής μετράει 3.14159 λέξεις.\n東京タワーは高さ333メートルです。我们今天学习分词器。\nمرحبا بالعالم، هذا اختبار ١٢٣.\nEmoji: 😀👍🏽 👨‍👩‍👧‍👦 🇫🇷 1️⃣ — done!\n    def encode(self, text: str) -> list[int]:\n        return [self.vocab[t] for t in text.split()]  # TODO\n'
block="$work/block.txt"
: > "$block"
while [ "$(stat -c %s "$block")" -lt 1048576 ]; do
  cat "$work/prose.txt" >> "$block"
  for _ in 1 2 3 4 5 6 7 8; do printf '%s' "$multilingual" >> "$block"; done
done
blocks=$(( (mib * 1048576 + $(stat -c %s "$block") - 1) / $(stat -c %s "$block") ))
for _ in $(seq "$blocks"); do cat "$block"; done > "$out"
