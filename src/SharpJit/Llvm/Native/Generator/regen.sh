#!/bin/sh
# Regenerates ../*.g.cs (the raw LLVM-C P/Invoke surface) from the installed LLVM 19 headers and library.
set -e
cd "$(dirname "$0")"
tmp=$(mktemp -d)
clang-19 -I/usr/lib/llvm-19/include -Xclang -ast-dump=json -fsyntax-only all.c > "$tmp/ast.json"
nm -D --defined-only /usr/lib/x86_64-linux-gnu/libLLVM.so.19.1 | awk '{print $3}' | grep '^LLVM' \
  | sed 's/@@.*//' | sort -u > "$tmp/exports.txt"
python3 gen_native.py "$tmp/ast.json" "$tmp/exports.txt" ..
rm -rf "$tmp"
