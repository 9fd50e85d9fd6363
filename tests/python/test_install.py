"""`pip install .` works offline into a virtual environment over Debian's Python, and the installed package runs."""
import subprocess
import sys

from conftest import REPO


def test_offline_pip_install_into_a_venv(tmp_path):
    venv = tmp_path / "venv"
    subprocess.run(["/usr/bin/python3", "-m", "venv", "--system-site-packages", str(venv)], check=True)
    pip = subprocess.run([str(venv / "bin" / "pip"), "install", "--no-index", "--no-build-isolation", str(REPO)],
                         capture_output=True, text=True, timeout=600)
    assert pip.returncode == 0, pip.stdout + pip.stderr
    script = tmp_path / "use.py"
    script.write_text("import os, sharpjit, sys\n"
                      "@sharpjit.jit\n"
                      "def f(x, y):\n"
                      "    return x * y + 1\n"
                      "llvm = os.path.join(os.path.dirname(sharpjit.__file__), 'libsharpjit-llvm.so')\n"
                      "print(f(6, 7), sharpjit.__file__.startswith(sys.prefix), 'numba' in sys.modules,\n"
                      "      any(line.rstrip().endswith(llvm) for line in open('/proc/self/maps')))\n")
    run = subprocess.run([str(venv / "bin" / "python"), str(script)], capture_output=True, text=True, cwd=tmp_path,
                         env={"PATH": "/usr/bin:/bin"})
    assert run.returncode == 0, run.stderr
    assert run.stdout.split() == ["43", "True", "False", "True"]  # the installed package's own LLVM is loaded
