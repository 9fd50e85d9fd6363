#!/usr/bin/env bash
# Sets up a fresh Debian 12 machine (where needed), builds everything and runs every test.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/scripts/setup.sh"
cd "$root"
dotnet test SharpJit.slnx -c Release --nologo -v q --logger "console;verbosity=minimal"
# The CPython extension: build it into python/sharpjit/ and run the pytest suite with Debian's Python.
"$root/scripts/build-python.sh"
PYTHONPATH="$root/python" /usr/bin/python3 -m pytest "$root/tests/python" -q -p no:cacheprovider
