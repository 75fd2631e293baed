#!/usr/bin/env bash
# Start-up as a user meets it: the `tokenizers` tool packed from this checkout (pointer, Native AOT linux-x64 and
# framework-dependent `any` packages), installed with `dotnet tool install --tool-path` from that local folder, against
# an empty console app run as `dotnet app.dll` and against the ReadyToRun publish of the CLI. Each command runs RUNS
# times after WARMUP runs, the commands alternating so that load on the shared machine falls on all alike (as
# hyperfine's repeated runs, without needing it); prints the median and quartiles of each and the ratios of medians.
# Usage: benchmarks/startup/measure.sh [RUNS (40)] [WARMUP (5)]   (needs clang and zlib1g-dev: build/install-prerequisites.sh)
set -euo pipefail
runs=${1:-40}
warmup=${2:-5}
repo=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cli="$repo/src/Tokenizers.Cli"
quiet=(-c Release -nologo -v q)

"$repo/benchmarks/install-tool.sh" "$work"
dotnet publish "$cli" "${quiet[@]}" -r linux-x64 -p:PublishAot=false -o "$work/r2r" >/dev/null

mkdir -p "$work/empty"
cat > "$work/empty/Empty.csproj" <<'XML'
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><OutputType>Exe</OutputType><TargetFramework>net10.0</TargetFramework><InvariantGlobalization>true</InvariantGlobalization></PropertyGroup>
</Project>
XML
echo 'System.Console.WriteLine("hello world");' > "$work/empty/Program.cs"
dotnet build "$work/empty" "${quiet[@]}" -o "$work/empty/bin" >/dev/null

names=("empty app: dotnet Empty.dll" "installed tool: tokenizers count --encoding cl100k_base --text \"hello world\""
  "ReadyToRun publish: the same count" "installed tool: tokenizers --version (through System.CommandLine)")
command_0() { dotnet "$work/empty/bin/Empty.dll"; }
command_1() { "$work/tool/tokenizers" count --encoding cl100k_base --text "hello world"; }
command_2() { "$work/r2r/Tokenizers.Cli" count --encoding cl100k_base --text "hello world"; }
command_3() { "$work/tool/tokenizers" --version; }
[ "$(command_1)" = 2 ] || { echo "the installed tool does not count 2 tokens" >&2; exit 1; }

declare -A samples
for ((i = 0; i < warmup + runs; i++)); do
  for c in "${!names[@]}"; do
    start=$EPOCHREALTIME
    "command_$c" >/dev/null
    end=$EPOCHREALTIME
    (( i >= warmup )) && samples[$c]+="$(( ${end/./} - ${start/./} )) "
  done
done

stats() { tr ' ' '\n' | grep . | sort -n | awk '{ a[NR] = $1 } END { printf "%.1f %.1f %.1f", a[int((NR + 1) / 2)] / 1000, a[int((NR + 3) / 4)] / 1000, a[int((3 * NR + 3) / 4)] / 1000 }'; }
echo "$(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); $runs runs each after $warmup warm-up, alternating"
read -r base _ _ <<< "$(echo "${samples[0]}" | stats)"
for c in "${!names[@]}"; do
  read -r median q1 q3 <<< "$(echo "${samples[$c]}" | stats)"
  printf '%-70s median %6.1f ms (quartiles %.1f–%.1f)  %.2f× the empty app\n' "${names[$c]}" "$median" "$q1" "$q3" "$(echo "$median / $base" | bc -l)"
done
