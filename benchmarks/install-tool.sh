#!/usr/bin/env bash
# Packs the `tokenizers` tool from this checkout (the pointer, the Native AOT linux-x64 and the framework-dependent
# `any` packages) into DIR/packages and installs it as a user would, `dotnet tool install --tool-path DIR/tool` from that
# folder; the `any` package is also unpacked to DIR/any (run it as `dotnet DIR/any/Tokenizers.Cli.dll`).
# Shared by benchmarks/startup, benchmarks/whole-process and benchmarks/load-time/cli-vs-hf.sh. Usage: benchmarks/install-tool.sh DIR
set -euo pipefail
dir=$1
repo=$(cd "$(dirname "$0")/.." && pwd)
cli="$repo/src/Tokenizers.Cli"
"$repo/build/install-prerequisites.sh"
quiet=(-c Release -nologo -v q -o "$dir/packages")
dotnet pack "$cli" "${quiet[@]}" >/dev/null
dotnet pack "$cli" "${quiet[@]}" -r linux-x64 >/dev/null
dotnet pack "$cli" "${quiet[@]}" -r any -p:PublishAot=false >/dev/null
# The local folder alone, so that no package of the same name on a feed stands in for this build.
printf '<configuration><packageSources><clear /><add key="local" value="%s" /></packageSources></configuration>\n' "$dir/packages" > "$dir/nuget.config"
dotnet tool install Tokenizers.Cli --version 0.1.0 --tool-path "$dir/tool" --configfile "$dir/nuget.config" >/dev/null
mkdir -p "$dir/any-package"
(cd "$dir/any-package" && unzip -q -o "$dir/packages/Tokenizers.Cli.any.0.1.0.nupkg")
ln -sfn "$dir/any-package/tools/net10.0/any" "$dir/any"
