"""The standalone runtime's printing and formatting (src/SharpJit/Export/standalone_runtime.c) against CPython: every
format spec below, on ints, floats and strings, plus repr/str of floats and complex numbers, round() and the
arithmetic helpers, printed by an exported function linked into a C program, must equal CPython's output."""
import shutil
import subprocess

import pytest

from conftest import run_python

FLOAT_SPECS = ["", ".3f", "10.2e", "+.1%", "g", ".0f", ".10g", "012.3f", ",.2f", "_.1f", "<10", "^12.3", ">+10.4G", "#.0f",
               "#g", ".3", "e", "E", "F", "n", " .2f", "z.1f", "010", "x<8.2f", ".0e", ".1g", "#.3g", "08.3e", "-^11",
               ".15g", ".17", ".2%", ".1", "#.2", "012,.1f"]
INT_SPECS = ["", "d", "5d", "05d", "+d", " d", ",", "_", "_b", "#x", "#X", "#o", "b", "x", "o", "e", ".2f", "%", "g",
             "<6", "^7", "=+8", "*>10,", "010,", "#010x", "n", "_x", "G", ".3e"]
STR_SPECS = ["", "s", "10", "<10", ">10", "^10", ".2", "*^9.3", "-<6"]
FLOATS = [0.0, -0.0, 1.0, -2.5, 3.14159, 1234567.891, 1e-7, 1e16, 2.0 ** 70, 0.1 + 0.2, 123.456e-10, 0.5, 1.5, 2.5,
          -1e300, 99.995, 0.0005, 100.0, 1e15, 9.5, float("inf"), -float("inf"), float("nan")]
INTS = [0, 7, -7, 42, 255, 1234567, -1234567, 9223372036854775807, -9223372036854775807, 65]
STRS = ["", "py", "hello", "héllo"]


def program():
    lines = ["import math", "", "", "def show_all(k):"]
    for v in FLOATS:
        literal = repr(v) if v == v and abs(v) != float("inf") else f"float('{v}')"
        for sp in FLOAT_SPECS:
            lines.append(f'    print(f"{{{literal}:{sp}}}|")')
        lines.append(f"    print({literal}, str({literal}), repr({literal}))")
    for v in INTS:
        for sp in INT_SPECS:
            lines.append(f'    print(f"{{{v!r}:{sp}}}|")')
    lines.append('    print(f"{65:c}{955:c}|{True}|{False:>6}|{True:d}")')
    for v in STRS:
        for sp in STR_SPECS:
            lines.append(f'    print(f"{{{v!r}:{sp}}}|", repr({v!r}))')
    lines += [
        "    print(round(2.675, 2), round(0.125, 2), round(-0.5), round(1234.5678, -2), round(5.5), round(6.5), round(1e20, -5))",
        "    print(round(123, -1), round(125, -1), round(-135, -1), round(0.5), round(1.5), round(-2.5), round(2.5, 0))",
        "    print(7 // 2.0, -7 // 2.0, 7.5 % -2, 1 / 3, 10 / 4, -9 // 4, 2 ** 62, abs(-5), 9 // -2, -9 % 4, 2 ** -1 if False else 0)",
        "    print((1 + 2j) * (3 - 1j), (1 + 2j) / (3 - 1j), (1 + 1j) ** 3, complex(0.0, -0.0), complex(-0.0, 1), 1e300j, complex(1.5, float('nan')))",
        "    print(repr('a\"b'), repr('tab\\there'), repr('nl\\n'), repr(\"it's\"), 1e22, 1e-5, 1.5e-5, 123456789012345678.0, 5e-324)",
        "    print(math.pi, math.e, math.sqrt(2), math.floor(-2.5), math.ceil(2.1), math.hypot(3, 4), math.log(10), math.fmod(-7, 3))",
        "    print(divmod(-7, 2), divmod(7.5, 2), pow(3, 4, 5), pow(3, -1, 7), abs(-2.5), max(1, 2.5), min(-1, -2), int(-2.7), float(3))",
        "    print(1, 2.0, 'three', None, True, (1, 'a', 2.5), (), (7,), sep=', ', end='.\\n')",
        "    return k",
    ]
    return "\n".join(lines) + "\n"


@pytest.mark.skipif(shutil.which("clang-19") is None, reason="clang-19 is not installed")
def test_formatting_matches_cpython(tmp_path):
    import sharpjit
    (tmp_path / "fmtprog.py").write_text(program())
    out = tmp_path / "build"
    out.mkdir()
    files = sharpjit.export(tmp_path / "fmtprog.py", {"show_all": "int64(int64)"}, out / "fmtprog")
    (tmp_path / "main.c").write_text('#include <stdio.h>\n#include "fmtprog.h"\n'
                                     'int main(void) { int64_t k; if (show_all(1, &k)) puts(fmtprog_last_error()); return 0; }\n')
    subprocess.run(["clang-19", "-O1", "-I", str(out), str(tmp_path / "main.c"), files["o"], "-lm", "-o", str(tmp_path / "main")],
                   check=True)
    c = subprocess.run([str(tmp_path / "main")], capture_output=True, text=True, check=True).stdout
    py = run_python(["-c", "import sys; sys.path.insert(0, sys.argv[1]); import fmtprog; fmtprog.show_all(1)", tmp_path])
    assert py.returncode == 0, py.stderr
    c_lines, py_lines = c.splitlines(), py.stdout.splitlines()
    diffs = [(i, a, b) for i, (a, b) in enumerate(zip(c_lines, py_lines)) if a != b]
    assert not diffs, "\n".join(map(repr, diffs))
    assert len(c_lines) == len(py_lines) > 1000
