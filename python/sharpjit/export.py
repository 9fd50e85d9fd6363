"""sharpjit.export: compiled functions as standalone C-ABI code (LLVM IR, bitcode, object, shared library, header).

    import kernels                      # a module with @sharpjit.jit functions (or plain ones)
    sharpjit.export(kernels, {"f": "float64(float64, int64)"}, "build/kernels")
    # -> {"ll": ".../kernels.ll", "bc": ..., "o": ..., "so": ..., "h": ...}

The source is a module, a @jit function (or a list of them) or the path of a sharpjit program (a file that
`sharpjit run` could compile; the same as `sharpjit export FILE --function 'f:float64(float64, int64)' -o OUT`).
Functions of modules are compiled as @jit compiles them: their globals are read from the live module. The exported
code needs only libc and libm; the generated header documents the calling convention (status code, result through a
pointer, PREFIX_last_error()).
"""
import os
import sys
import types

from . import _sharpjit


def _dispatcher(obj):
    from ._dispatcher import Dispatcher
    if isinstance(obj, Dispatcher):
        return obj
    if isinstance(obj, types.FunctionType):
        return Dispatcher(obj)
    raise TypeError(f"cannot export {obj!r}: expected a function or a @sharpjit.jit function")


def _specs(functions):
    if isinstance(functions, dict):
        return [f"{name}:{sig}" for name, sig in functions.items()]
    if isinstance(functions, str):
        return [functions]
    return list(functions)


def export(source, functions, output, target=None, cpu=None):
    """Export functions; returns {kind: path} for "ll", "bc", "o", "so" and "h" (output + "." + kind).

    source: a module, a @jit function, or a path; functions: {name: "ret(args)"} or ["name:ret(args)", ...] (names are
    looked up in source; with a single function, a bare signature string). target: an LLVM triple (default: this
    machine's; x86_64-* and aarch64-*). cpu: "generic" (default), "native" or an LLVM CPU name.
    """
    output = os.fspath(output)
    if isinstance(source, (str, os.PathLike)):
        path, pairs = os.fspath(source), None
        specs = _specs(functions)
    else:
        if isinstance(functions, str) and ":" not in functions:
            functions = {getattr(source, "__name__", "f"): functions}
        specs = _specs(functions)
        pairs = []
        for spec in specs:
            name = spec.partition(":")[0].strip()
            if isinstance(source, types.ModuleType):
                if not hasattr(source, name):
                    raise TypeError(f"module {source.__name__} has no function named {name!r}")
                obj = getattr(source, name)
            else:
                obj = source
                if getattr(obj, "__name__", None) != name:
                    raise TypeError(f"{obj!r} is not named {name!r}")
            pairs.append((_dispatcher(obj), spec))
        path = None
    if target and not target.startswith("x86_64"):
        # Other targets need Debian's full LLVM; this process may already have loaded the bundled x86-only one.
        return _export_in_subprocess(source if path is None else path, specs, output, target, cpu, path is None)
    if path is not None:
        return dict(_sharpjit._export(path, tuple(specs), output, target, cpu))
    return dict(_sharpjit._export(None, tuple(pairs), output, target, cpu))


def _export_in_subprocess(source, specs, output, target, cpu, by_module):
    if by_module:
        import inspect
        file = inspect.getsourcefile(source.py_func if hasattr(source, "py_func") else source)
    else:
        file = source
    env = dict(os.environ)
    for lib in ("/usr/lib/llvm-19/lib/libLLVM.so.19.1", "/usr/lib/x86_64-linux-gnu/libLLVM.so.19.1"):
        if os.path.exists(lib) and not env.get("SHARPJIT_LLVM_LIBRARY"):
            env["SHARPJIT_LLVM_LIBRARY"] = lib
    env["SHARPJIT_NO_WARM_UP"] = "1"
    pkg_parent = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    env["PYTHONPATH"] = pkg_parent + os.pathsep + env.get("PYTHONPATH", "")
    import json, subprocess   # here, not at import: they add ~10 ms to `import sharpjit`
    args = json.dumps([file, specs, output, target, cpu, by_module])
    p = subprocess.run([sys.executable, "-c", "import sys, sharpjit; sys.modules['sharpjit.export']._child()", args], env=env,
                       capture_output=True, text=True)
    if p.returncode != 0:
        last = p.stderr.strip().splitlines()[-1] if p.stderr.strip() else "export failed"
        raise RuntimeError(f"sharpjit.export for {target}: {last}")
    return json.loads(p.stdout.strip().splitlines()[-1])


def _child():
    import importlib.util, json
    file, specs, output, target, cpu, by_module = json.loads(sys.argv[1])
    if by_module:
        spec = importlib.util.spec_from_file_location(f"_sharpjit_export_{os.getpid()}", file)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        pairs = tuple((_dispatcher(getattr(module, s.partition(":")[0].strip())), s) for s in specs)
        result = dict(_sharpjit._export(None, pairs, output, target, cpu))
    else:
        result = dict(_sharpjit._export(file, tuple(specs), output, target, cpu))
    print(json.dumps(result))
