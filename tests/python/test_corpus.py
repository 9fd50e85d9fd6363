"""Differential corpus through the decorator: each tests/programs script runs under plain CPython and under
jit_runner.py (every top-level function decorated with sharpjit.jit); stdout and exit status must match, and
the last stderr line (the exception) when the program fails."""
import ast
import json

import pytest

from conftest import PROGRAMS, TESTS_PYTHON, run_python

RUNNER = TESTS_PYTHON / "jit_runner.py"

# Programs that cannot work through the decorator by design, with the reason. Only design limits belong here
# (e.g. a function reading a module variable that the script rebinds after the first call: compiled code
# freezes globals at its first compile, as Numba does); a sharpjit bug must fail loudly instead.
EXPECTED_FAILURES: dict = {}

PROGRAM_NAMES = sorted(p.name for p in PROGRAMS.glob("*.py") if not p.name.startswith("error_"))
# The error_ programs end in an uncaught exception; they also run through the decorator and must die the same way.
ERROR_PROGRAM_NAMES = sorted(p.name for p in PROGRAMS.glob("error_*.py"))


def _params(names):
    return [pytest.param(n, id=n, marks=pytest.mark.xfail(strict=True, reason=EXPECTED_FAILURES[n]))
            if n in EXPECTED_FAILURES else pytest.param(n, id=n) for n in names]


def _last_line(text):
    lines = text.rstrip("\n").splitlines()
    return lines[-1] if lines else ""


def _run_both(name, tmp_path, folder=PROGRAMS):
    program = folder / name
    plain = run_python([program])
    report = tmp_path / "signatures.json"
    jitted = run_python([RUNNER, "--report", report, program])
    return plain, jitted, report


def _assert_same_behaviour(plain, jitted):
    assert jitted.stdout == plain.stdout, f"stdout differs; stderr of the jitted run:\n{jitted.stderr}"
    assert jitted.returncode == plain.returncode, f"exit status differs; stderr of the jitted run:\n{jitted.stderr}"
    if plain.returncode != 0:
        assert _last_line(jitted.stderr) == _last_line(plain.stderr), jitted.stderr


def _assert_compiled_code_ran(report):
    # Guards against the runner silently running plain Python: some decorated function compiled a signature.
    signatures = json.loads(report.read_text())
    if signatures:
        assert any(signatures.values()), f"no decorated function was compiled: {signatures}"


def test_corpus_is_present():
    assert len(PROGRAM_NAMES) >= 70
    assert set(EXPECTED_FAILURES) <= set(PROGRAM_NAMES) | set(ERROR_PROGRAM_NAMES), \
        "EXPECTED_FAILURES names a program that does not exist"


@pytest.mark.parametrize("name", _params(PROGRAM_NAMES))
def test_program_through_decorator(name, tmp_path):
    plain, jitted, report = _run_both(name, tmp_path)
    assert plain.returncode == 0, f"{name} fails under CPython itself:\n{plain.stderr}"
    _assert_same_behaviour(plain, jitted)
    _assert_compiled_code_ran(report)


@pytest.mark.parametrize("name", _params(ERROR_PROGRAM_NAMES))
def test_error_program_through_decorator(name, tmp_path):
    plain, jitted, report = _run_both(name, tmp_path)
    assert plain.returncode != 0, f"{name} should end in an exception under CPython"
    _assert_same_behaviour(plain, jitted)
    _assert_compiled_code_ran(report)


def test_runner_keeps_every_line_number():
    # The decorator is added without moving any node, so tracebacks and inspect.getsource see the file as is.
    import jit_runner
    source = "X = 1\n\n\ndef f(a):\n    b = a + X\n    return b\n\n\nclass C:\n    def m(self):\n        return 1\n"
    original = ast.parse(source)
    decorated = ast.parse(source)
    assert jit_runner.add_jit_decorators(decorated) == ["f"]
    assert ast.unparse(decorated.body[1].decorator_list[-1]) == "sharpjit.jit"
    assert decorated.body[1].decorator_list[-1].lineno == 4
    positions = lambda tree: [(type(n).__name__, n.lineno, n.col_offset) for n in ast.walk(tree)
                              if hasattr(n, "lineno") and not (isinstance(n, (ast.Attribute, ast.Name)) and
                                                              getattr(n, "attr", getattr(n, "id", None)) in ("jit", "sharpjit"))]
    assert positions(decorated) == positions(original)
    code = compile(decorated, "prog.py", "exec")
    function_code = next(c for c in code.co_consts if hasattr(c, "co_name") and c.co_name == "f")
    assert function_code.co_firstlineno == 4
    # Methods are not top-level functions: left alone.
    assert decorated.body[2].body[0].decorator_list == []


ARRAYS = PROGRAMS.parent / "arrays"
ARRAY_PROGRAM_NAMES = sorted(p.name for p in ARRAYS.glob("*.py"))


@pytest.mark.parametrize("name", ARRAY_PROGRAM_NAMES)
def test_array_program_through_decorator(name, tmp_path):
    # NumPy arrays cross from Python into compiled code and back without copies; results must print the same.
    plain, jitted, report = _run_both(name, tmp_path, ARRAYS)
    assert (plain.returncode != 0) == name.startswith("error_"), plain.stderr
    _assert_same_behaviour(plain, jitted)
    _assert_compiled_code_ran(report)
