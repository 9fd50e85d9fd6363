"""sharpjit.export: compiled functions as standalone C-ABI code (LLVM IR, bitcode, object, shared library, header).

    sharpjit.export("kernels.py", {"f": "float64(float64, int64)"}, "build/kernels")
    # -> {"ll": ".../kernels.ll", "bc": ..., "o": ..., "so": ..., "h": ...}

The same as `sharpjit export kernels.py --function 'f:float64(float64, int64)' -o build/kernels`. The source may also
be a module or a @jit function (its file is exported). The exported code needs only libc and libm; see the
generated header for the calling convention (status code, result through a pointer, PREFIX_last_error()).
"""
import inspect
import json
import os
import subprocess
import sys

from . import _sharpjit


def _source_path(source):
    if isinstance(source, (str, os.PathLike)):
        return os.fspath(source)
    target = getattr(source, "py_func", source)
    path = inspect.getsourcefile(target)
    if path is None:
        raise TypeError(f"cannot find the source file of {source!r}")
    return path


def export(source, functions, output, target=None, cpu=None):
    """Export functions of a Python file; returns {kind: path} for "ll", "bc", "o", "so" and "h".

    functions: {name: "ret(args)"} or ["name:ret(args)", ...]. target: an LLVM triple (default: this machine's;
    x86_64-* and aarch64-*). cpu: "generic" (default), "native" or an LLVM CPU name.
    """
    path = _source_path(source)
    if isinstance(functions, dict):
        specs = tuple(f"{name}:{sig}" for name, sig in functions.items())
    else:
        specs = tuple(functions)
    if target and not target.startswith("x86_64"):
        # Other targets need Debian's full LLVM; this process may already have loaded the bundled x86-only one.
        return _export_in_subprocess(path, specs, output, target, cpu)
    return dict(_sharpjit._export(path, specs, os.fspath(output), target, cpu))


def _export_in_subprocess(path, specs, output, target, cpu):
    env = dict(os.environ)
    for lib in ("/usr/lib/llvm-19/lib/libLLVM.so.19.1", "/usr/lib/x86_64-linux-gnu/libLLVM.so.19.1"):
        if os.path.exists(lib) and not env.get("SHARPJIT_LLVM_LIBRARY"):
            env["SHARPJIT_LLVM_LIBRARY"] = lib
    env["SHARPJIT_NO_WARM_UP"] = "1"
    pkg_parent = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    env["PYTHONPATH"] = pkg_parent + os.pathsep + env.get("PYTHONPATH", "")
    code = ("import json, sys, sharpjit._sharpjit as s; a = json.loads(sys.argv[1]);"
            "print(json.dumps(dict(s._export(a[0], tuple(a[1]), a[2], a[3], a[4]))))")
    args = json.dumps([path, list(specs), os.fspath(output), target, cpu])
    p = subprocess.run([sys.executable, "-c", code, args], env=env, capture_output=True, text=True)
    if p.returncode != 0:
        last = p.stderr.strip().splitlines()[-1] if p.stderr.strip() else "export failed"
        raise RuntimeError(f"sharpjit.export for {target}: {last}")
    return json.loads(p.stdout)
