#!/usr/bin/env bash
# Prints the README's results table (Markdown) from the quick benchmark's CSV: MB/s per library, and our ratio to
# ML.Tokenizers, for EncodeToIds and CountTokens on each corpus, then the batch and worst-case rows.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
csv="${1:-$here/results/quick.csv}"
awk -F, '
  NR == 1 { next }
  { key = $1 "|" $2 "|" $3; v[key, $4] = $5; if (!(key in seen)) { seen[key] = 1; order[n++] = key } }
  function fmt(x) { return x == "" ? "–" : (x < 1 ? sprintf("%.2f", x) : (x < 10 ? sprintf("%.1f", x) : sprintf("%.0f", x))) }
  END {
    print "| encoding | corpus | operation | ours MB/s | ML.Tokenizers | SharpToken | ours ÷ ML |"
    print "| --- | --- | --- | ---: | ---: | ---: | ---: |"
    for (i = 0; i < n; i++) {
      split(order[i], k, "|")
      if (k[3] == "Decode" || k[3] ~ /loop/) continue
      ours = v[order[i], "Tokenizers"]; ml = v[order[i], "ML.Tokenizers"]; st = v[order[i], "SharpToken"]
      ratio = (ml == "" || ml == 0) ? "–" : sprintf("**%.1f×**", ours / ml)
      printf "| %s | %s | %s | %s | %s | %s | %s |\n", k[1], k[2], k[3], fmt(ours), fmt(ml), fmt(st), ratio
    }
  }' "$csv"
