"""The Python examples run and their compiled results equal plain Python's."""
from conftest import REPO, run_python


def test_orbit_example():
    p = run_python([REPO / "examples" / "python" / "orbit.py"])
    assert p.returncode == 0, p.stderr
    lines = p.stdout.splitlines()
    assert lines[0].split(":", 1)[1].strip() == lines[1].split(":", 1)[1].strip()


def test_cfunc_quad_example():
    p = run_python([REPO / "examples" / "python" / "cfunc_quad.py"])
    assert p.returncode == 0, p.stderr
    lines = p.stdout.splitlines()
    compiled, python = lines[1].split("compiled: ")[1].split()[0], lines[1].split("Python: ")[1].split()[0]
    assert compiled == python
    assert lines[2] == "qsort: [-7.0, -1.5, 0.0, 2.25, 3.0, 10.0]"


def test_host_calls_example():
    p = run_python([REPO / "examples" / "python" / "host_calls.py"])
    assert p.returncode == 0, p.stderr
    assert p.stdout.splitlines()[-1] == "same as CPython: True", p.stdout


def test_export_example(tmp_path):
    import shutil
    import subprocess
    import pytest
    if shutil.which("clang-19") is None:
        pytest.skip("clang-19 is not installed")
    subprocess.run([str(REPO / "sharpjit"), "export", str(REPO / "examples" / "export" / "kernels.py"),
                    "--function", "walk:float64(int64, int64)", "--function", "safe_log:float64(float64)",
                    "--function", "report:void(int64, int64)", "-o", str(tmp_path / "kernels")], check=True, capture_output=True)
    subprocess.run(["clang-19", "-O2", "-I", str(tmp_path), str(REPO / "examples" / "export" / "main.c"),
                    str(tmp_path / "kernels.o"), "-lm", "-o", str(tmp_path / "main")], check=True)
    out = subprocess.run([str(tmp_path / "main")], capture_output=True, text=True, check=True).stdout.splitlines()
    py = run_python(["-c", "import sys; sys.path.insert(0, sys.argv[1]); import kernels; "
                     "print('walk: %.6f' % kernels.walk(1000000, 42)); kernels.report(1000, 7)", REPO / "examples" / "export"])
    assert out[:2] == py.stdout.splitlines()
    assert out[-1] == "ValueError: safe_log needs a positive number, got -1.0"
