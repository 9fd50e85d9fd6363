"""Which LLVM the extension loads: the x86-only libsharpjit-llvm.so next to it, or the library a user names."""
from conftest import REPO, run_python

PROBE = """
import sharpjit
@sharpjit.jit
def add(a, b):
    return a + b
assert add(2, 3) == 5
print([line.split()[-1] for line in open('/proc/self/maps') if 'LLVM' in line or 'llvm' in line][0])
"""


def run_probe(tmp_path, text, **env):
    script = tmp_path / "probe.py"
    script.write_text(text)
    return run_python([script], SHARPJIT_NO_WARM_UP="1", **env)


def test_the_slim_library_next_to_the_extension_is_loaded(tmp_path):
    out = run_probe(tmp_path, PROBE)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == str(REPO / "python" / "sharpjit" / "libsharpjit-llvm.so")


def test_a_named_library_replaces_it(tmp_path):
    out = run_probe(tmp_path, PROBE, SHARPJIT_LLVM_LIBRARY="/usr/lib/x86_64-linux-gnu/libLLVM.so.19.1")
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "/usr/lib/x86_64-linux-gnu/libLLVM.so.19.1"


def test_a_missing_library_is_a_clear_error_not_a_crash(tmp_path):
    probe = """
import sharpjit
@sharpjit.jit
def add(a, b):
    return a + b
try:
    add(2, 3)
except Exception as e:
    print(type(e).__name__, '|', e)
"""
    out = run_probe(tmp_path, probe, SHARPJIT_LLVM_LIBRARY="/nonexistent/libLLVM.so")
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("LLVMLoadError | cannot load LLVM 19 (tried /nonexistent/libLLVM.so): ")
    assert "No such file or directory" in out.stdout
