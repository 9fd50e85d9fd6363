#!/usr/bin/python3
"""Writes a function with many raising calls and many owned values (compile time must grow linearly with them): N
constant set displays, each kept alive to the end, plus N list displays of strings.
Usage: python3 bench/many_raises.py N > x.py; SHARPJIT_TRACE_COMPILE=1 out/cli/SharpJit.Cli run x.py
"""
import sys


def program(n, width=8):
    lines = ["def many_displays(k):"]
    for i in range(n):
        items = ", ".join(str(i * width + j) for j in range(width))
        lines.append(f"    s{i} = {{{items}}}")
        lines.append(f"    t{i} = [str(k + {i}), 'x{i}']")
    total = " + ".join(f"len(s{i}) + len(t{i})" for i in range(n))
    lines.append(f"    return {total}")
    lines.append("")
    lines.append("")
    lines.append("print(many_displays(1))")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    sys.stdout.write(program(int(sys.argv[1]) if len(sys.argv) > 1 else 40))
