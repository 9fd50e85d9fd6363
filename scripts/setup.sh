#!/usr/bin/env bash
# Installs what sharpjit needs on Debian 12 (where missing) and builds the CLI when its sources changed.
# Quiet on success so that `./sharpjit run` prints only the program's output.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
packages=(llvm-19-dev clang-19 lld-19 python3 python3-numpy python3-numba python3-pytest python3-pip python3-venv
          python3-setuptools python3-wheel python3-dask python3-cffi python3-hypothesis)

missing=()
# One query for all (each process costs milliseconds on every ./sharpjit run).
installed="$(dpkg-query -W -f='${Status}|${Package}\n' "${packages[@]}" 2>/dev/null || true)"$'\n'
for p in "${packages[@]}"; do
  [[ "$installed" == *"install ok installed|$p"$'\n'* ]] || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "sharpjit setup: installing ${missing[*]}" >&2
  sudo_cmd=""; [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
fi
command -v dotnet >/dev/null || { echo "sharpjit setup: the .NET 10 SDK (dotnet) is required" >&2; exit 1; }

cli="$root/out/cli/SharpJit.Cli.dll"
native="$root/out/cli-native/SharpJit.Cli"
# Stale when a real source is newer than the built CLI: generated files under bin/ and obj/ (which other builds,
# such as scripts/build-python.sh, rewrite) do not count.
newer_source() {
  find "$root/src" "$root/Directory.Build.props" \( -name bin -o -name obj \) -prune -o \
       \( -name '*.cs' -o -name '*.csproj' -o -name '*.props' -o -name '*.c' -o -name '*.py' \) -newer "$1" -print -quit
}
# build OUTPUT COMMAND...: runs the build when OUTPUT is missing or older than a source, quietly unless it fails.
build() {
  local output="$1"; shift
  [ -f "$output" ] && [ -z "$(newer_source "$output")" ] && return 0
  echo "sharpjit setup: building $(basename "$(dirname "$output")")" >&2
  local log; log="$(mktemp)"
  if ! "$@" >"$log" 2>&1; then cat "$log" >&2; rm -f "$log"; exit 1; fi
  rm -f "$log"
  touch "$output"   # an up-to-date build may leave the old file in place: mark it current for the test above
}
# The CLI as a .NET assembly (tests and benchmarks run it with `dotnet`) ...
build "$cli" dotnet build "$root/src/SharpJit.Cli/SharpJit.Cli.csproj" -c Release -o "$root/out/cli" -nologo -v q
# ... and compiled ahead of time, which ./sharpjit runs: it starts in milliseconds instead of JIT-compiling the
# compiler on every run (about 0.6 s). SHARPJIT_CLI=jit skips it (a faster build while changing the compiler).
if [ "${SHARPJIT_CLI:-native}" != jit ]; then
  build "$native" dotnet publish "$root/src/SharpJit.Cli/SharpJit.Cli.csproj" -c Release -r linux-x64 -p:PublishAot=true \
    -p:SelfContained=true -o "$root/out/cli-native" -nologo -v q
fi
