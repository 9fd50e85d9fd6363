#!/bin/bash
# Links libsharpjit-llvm.so: LLVM 19 from the static libraries of Debian's llvm-19-dev, with the x86 target only and
# exporting only the LLVM-C functions the binding declares. It loads in about 14 ms, where Debian's libLLVM.so.19.1
# (every target, plus z3 and libxml2) takes about 40: most of a fresh process's first compilation.
# Usage: build-llvm.sh [OUTPUT]. Quiet when up to date; the runtime falls back to libLLVM.so.19.1 without it.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="${1:-$root/out/llvm/libsharpjit-llvm.so}"
binding="$root/src/SharpJit/Llvm/Native"
config=llvm-config-19
components="x86 core analysis bitreader bitwriter irreader linker passes orcjit orcdebugging mcdisassembler"

command -v "$config" >/dev/null || { echo "build-llvm: $config not found (apt-get install llvm-19-dev)" >&2; exit 1; }
archives=$("$config" --link-static --libfiles $components)
core_archive="$("$config" --libdir)/libLLVMCore.a"  # stands for the installed LLVM build
if [ -f "$out" ] && [ -z "$(find "$0" "$binding" "$core_archive" -newer "$out" -print -quit)" ]; then
    exit 0
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Every function the binding declares is kept (-u) and exported; everything else is hidden, so the library binds
# to itself at link time and the loader has only packed relative relocations to apply.
grep -rhoE 'EntryPoint = "LLVM[A-Za-z0-9_]+"' "$binding" | grep -oE 'LLVM[A-Za-z0-9_]+' | sort -u \
    | grep -vE '^LLVMInitialize(AArch64|AMDGPU|ARM|AVR|BPF|Hexagon|Lanai|LoongArch|M68k|MSP430|Mips|NVPTX|PowerPC|RISCV|Sparc|SystemZ|VE|WebAssembly|XCore|Xtensa)' \
    | sed 's/^/-Wl,-u,/' >"$work/keep.rsp"
echo '{ global: LLVM*; local: *; };' >"$work/exports.map"
mkdir -p "$(dirname "$out")"
clang++-19 -fuse-ld=lld -shared -o "$work/lib.so" @"$work/keep.rsp" \
    -Wl,--start-group $archives -Wl,--end-group \
    -Wl,--version-script="$work/exports.map" -Wl,--gc-sections -Wl,-z,pack-relative-relocs -Wl,-O1 -Wl,-z,defs \
    -Wl,--as-needed /usr/lib/x86_64-linux-gnu/libz.so.1 /usr/lib/x86_64-linux-gnu/libzstd.so.1 -lpthread -ldl -lrt
mv "$work/lib.so" "$out.tmp$$" && mv "$out.tmp$$" "$out"
