#!/usr/bin/env bash
# Installs what sharpjit needs on Debian 12 (where missing) and builds the CLI when its sources changed.
# Quiet on success so that `./sharpjit run` prints only the program's output.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
packages=(llvm-19-dev clang-19 lld-19 python3 python3-numpy python3-numba python3-pytest python3-pip python3-venv
          python3-setuptools python3-wheel python3-dask)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "sharpjit setup: installing ${missing[*]}" >&2
  sudo_cmd=""; [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
fi
command -v dotnet >/dev/null || { echo "sharpjit setup: the .NET 10 SDK (dotnet) is required" >&2; exit 1; }

cli="$root/out/cli/SharpJit.Cli.dll"
# Stale when a real source is newer than the built CLI: generated files under bin/ and obj/ (which other builds,
# such as scripts/build-python.sh, rewrite) do not count.
newer_source() {
  find "$root/src" "$root/Directory.Build.props" \( -name bin -o -name obj \) -prune -o \
       \( -name '*.cs' -o -name '*.csproj' -o -name '*.props' -o -name '*.c' -o -name '*.py' \) -newer "$cli" -print -quit
}
if [ ! -f "$cli" ] || [ -n "$(newer_source)" ]; then
  echo "sharpjit setup: building" >&2
  log="$(mktemp)"
  if ! dotnet build "$root/src/SharpJit.Cli/SharpJit.Cli.csproj" -c Release -o "$root/out/cli" -nologo -v q >"$log" 2>&1; then
    cat "$log" >&2; rm -f "$log"; exit 1
  fi
  rm -f "$log"
  touch "$cli"   # an up-to-date build may leave the old file in place: mark it current for the test above
fi
