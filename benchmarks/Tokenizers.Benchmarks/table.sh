#!/usr/bin/env bash
# Prints the README's results tables (Markdown) from the quick benchmark's CSV: for the OpenAI encodings, MB/s per
# library and our ratio to ML.Tokenizers, for EncodeToIds and CountTokens on each corpus, then the batch and
# worst-case rows; for the Hugging Face models (rows with a "Tokenizers cl100k_base" figure), ours beside our
# cl100k_base on the same text, ML.Tokenizers' BpeTokenizer and Hugging Face's Rust core, with the two ratios.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
csv="${1:-$here/results/quick.csv}"
awk -F, '
  NR == 1 { next }
  { key = $1 "|" $2 "|" $3; v[key, $4] = $5; if (!(key in seen)) { seen[key] = 1; order[n++] = key } }
  function fmt(x) { return x == "" ? "–" : (x < 1 ? sprintf("%.2f", x) : (x < 10 ? sprintf("%.1f", x) : sprintf("%.0f", x))) }
  function ratio(a, b) { return (b == "" || b == 0) ? "–" : sprintf("**%.1f×**", a / b) }
  END {
    print "| encoding | corpus | operation | ours MB/s | ML.Tokenizers | SharpToken | ours ÷ ML |"
    print "| --- | --- | --- | ---: | ---: | ---: | ---: |"
    for (i = 0; i < n; i++) {
      split(order[i], k, "|")
      if (k[3] == "Decode" || k[3] ~ /loop/ || v[order[i], "Tokenizers cl100k_base"] != "") continue
      ours = v[order[i], "Tokenizers"]; ml = v[order[i], "ML.Tokenizers"]; st = v[order[i], "SharpToken"]
      printf "| %s | %s | %s | %s | %s | %s | %s |\n", k[1], k[2], k[3], fmt(ours), fmt(ml), fmt(st), ratio(ours, ml)
    }
    hf = 0
    for (i = 0; i < n; i++) {
      split(order[i], k, "|")
      cl = v[order[i], "Tokenizers cl100k_base"]
      if (cl == "") continue
      if (!hf++) {
        print ""
        print "| model | corpus | operation | ours MB/s | our cl100k_base | ours ÷ cl100k | ML.Tokenizers | HF tokenizers (Rust) | ours ÷ HF |"
        print "| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |"
      }
      ours = v[order[i], "Tokenizers"]; ml = v[order[i], "ML.Tokenizers"]; rust = v[order[i], "HF tokenizers (Rust)"]
      printf "| %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", k[1], k[2], k[3], fmt(ours), fmt(cl), ratio(ours, cl), fmt(ml), fmt(rust), ratio(ours, rust)
    }
  }' "$csv"
