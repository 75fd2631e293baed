#!/usr/bin/env bash
# What the build needs from Debian beyond the .NET SDK: clang and zlib1g-dev, which Native AOT links the `tokenizers`
# tool's linux-x64 package with (`dotnet pack -r linux-x64`; its test and benchmarks/startup run it). Installs only what
# is missing, so a machine that has both pays nothing; needs root (or sudo) only when something is missing.
set -euo pipefail
missing=()
for package in clang zlib1g-dev; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0
sudo=()
[ "$(id -u)" -eq 0 ] || sudo=(sudo)
echo "installing ${missing[*]} (Native AOT needs them)"
"${sudo[@]}" apt-get update -q
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
