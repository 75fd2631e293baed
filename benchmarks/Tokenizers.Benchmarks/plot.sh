#!/usr/bin/env bash
# Draws results/throughput.png from the quick benchmark's CSV (dotnet run ... -- --quick --csv results/quick.csv):
# EncodeToIds MB/s per corpus and library (plus the batch rows and, as "worst case", CountTokens on 100,000 random letters), one panel per encoding, log scale.
# Needs gnuplot (apt-get install gnuplot-nox).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
csv="${1:-$here/results/quick.csv}"
png="${2:-$here/results/throughput.png}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

for enc in cl100k_base o200k_base; do
  # corpus, Tokenizers, ML.Tokenizers, SharpToken (EncodeToIds, one thread; batch rows use every core).
  awk -F, -v enc="$enc" '
    NR > 1 && $1 == enc && ($3 == "EncodeToIds" || $3 ~ /^EncodeBatch/ || $2 == "letters-100k") {
      key = ($3 ~ /^EncodeBatch/) ? "10k lines (batch)" : ($2 == "letters-100k" ? "worst case" : $2)
      if (!(key in seen)) { seen[key] = 1; order[n++] = key }
      v[key, $4] = $5
    }
    END { for (i = 0; i < n; i++) { k = order[i]; printf "\"%s\" %s %s %s\n", k, v[k, "Tokenizers"], v[k, "ML.Tokenizers"], v[k, "SharpToken"] } }
  ' "$csv" > "$tmp/$enc.dat"
done

gnuplot <<GP
set terminal pngcairo size 1300,560 font "sans,11" noenhanced
set output "$png"
set multiplot layout 1,2 title "EncodeToIds throughput (MB/s of UTF-8 input, log scale; higher is better)"
set style data histograms
set style histogram clustered gap 1
set style fill solid 0.9 border -1
set boxwidth 0.9
set logscale y
set yrange [0.01:1000]
set format y "%g"
set grid ytics
set xtics rotate by -20 scale 0
set key at screen 0.5, screen 0.035 center horizontal maxrows 1 width 3
set bmargin 7
set ylabel "MB/s"
set title "cl100k_base"
plot "$tmp/cl100k_base.dat" using 2:xtic(1) title "Tokenizers (ours)" lc rgb "#1f77b4", '' using 3 title "ML.Tokenizers 2.0.1" lc rgb "#ff7f0e", '' using 4 title "SharpToken 2.0.6" lc rgb "#2ca02c"
set title "o200k_base"
plot "$tmp/o200k_base.dat" using 2:xtic(1) title "Tokenizers (ours)" lc rgb "#1f77b4", '' using 3 title "ML.Tokenizers 2.0.1" lc rgb "#ff7f0e", '' using 4 title "SharpToken 2.0.6" lc rgb "#2ca02c"
unset multiplot
GP
echo "wrote $png"
