#!/bin/bash
# Builds the CPython extension (NativeAOT) and puts it into python/sharpjit/, so that
# PYTHONPATH=python /usr/bin/python3 can import sharpjit from the source tree. Quiet unless the build fails.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="$root/out/python"
so="$root/python/sharpjit/_sharpjit.so"
if [ ! -f "$so" ] || [ -n "$(find "$root/src" \( -name '*.cs' -o -name '*.csproj' -o -name '*.c' -o -name '*.py' \) -newer "$so" -print -quit)" ]; then
    log=$(mktemp)
    if ! dotnet publish "$root/src/SharpJit.Python" -c Release -o "$out" >"$log" 2>&1; then
        cat "$log" >&2; rm -f "$log"; exit 1
    fi
    rm -f "$log"
    cp "$out/_sharpjit.so" "$so.tmp" && mv "$so.tmp" "$so"
fi
# The x86-only LLVM the extension loads first (see build-llvm.sh); without it, Debian's libLLVM.so.19.1.
slim="$root/out/llvm/libsharpjit-llvm.so" llvm="$root/python/sharpjit/libsharpjit-llvm.so"
bash "$root/scripts/build-llvm.sh" "$slim" || echo "build-python: LLVM will load from Debian's libLLVM.so.19.1" >&2
if [ -f "$slim" ] && { [ ! -f "$llvm" ] || [ "$slim" -nt "$llvm" ]; }; then
    cp "$slim" "$llvm.tmp" && mv "$llvm.tmp" "$llvm"
fi
