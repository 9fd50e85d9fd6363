"""The @jit decorator and the Dispatcher: a native callable that compiles per argument-type signature."""
import atexit
import os

from . import _bridge, _sharpjit

_sharpjit._install(_bridge)
atexit.register(_sharpjit._wait_for_warm_up)
# A fork waits for compilations in flight, so the child inherits no lock or compiler state in mid-use.
os.register_at_fork(before=_sharpjit._before_fork, after_in_parent=_sharpjit._after_fork,
                    after_in_child=_sharpjit._after_fork)

_CO_VARARGS, _CO_VARKEYWORDS = 0x04, 0x08
_OPTIONS = ("cache", "fastmath", "nogil", "boundscheck", "error_model", "parallel", "nopython", "forceobj", "inline", "_stencil")


def _disabled():
    return os.environ.get("SHARPJIT_DISABLE_JIT", "0") not in ("", "0")


def _start_warm_up():
    # LLVM loads and warms up in the background while the program starts. Called at the end of `import sharpjit`:
    # loading LLVM holds the dynamic loader's lock, which the package's own imports (ctypes' libffi) would wait for.
    if not _disabled():
        _sharpjit._warm_up()


def _source_of(py_func):
    """The full text of the file defining the function (as linecache has it: files, notebook cells, registered
    exec'd strings), its name and the function's first line. The compiler finds the function in it."""
    import linecache
    code = py_func.__code__
    lines = linecache.getlines(code.co_filename, py_func.__globals__)
    if not lines:
        from .errors import UnsupportedError
        raise UnsupportedError(
            f"cannot compile {py_func.__qualname__}(): its source is not available ({code.co_filename!r} is not a file or a "
            "linecache entry); define it in a file or a notebook cell, or register exec'd source text with linecache")
    return "".join(lines), code.co_filename, code.co_firstlineno


def _body_position(code, lines):
    """(line, 1-based character column) of the first positioned instruction: inside a lambda's body, which tells
    two lambdas on one line apart (CPython's columns count UTF-8 bytes)."""
    for line, _, col, end_col in code.co_positions():
        if line is not None and col is not None and (col or end_col) and 0 < line <= len(lines):
            return (line, len(lines[line - 1].encode()[:col].decode(errors="ignore")) + 1)
    return None


def _cache_dir(cache, source_file):
    """cache=True: SHARPJIT_CACHE_DIR, else __pycache__ next to the source file; cache="path": that directory."""
    if not cache:
        return None
    if isinstance(cache, (str, os.PathLike)):
        return os.fspath(cache)
    if os.environ.get("SHARPJIT_CACHE_DIR"):
        return os.environ["SHARPJIT_CACHE_DIR"]
    if not os.path.isfile(source_file):  # notebook cells, exec'd strings: no file to sit next to
        return os.path.join(os.path.expanduser("~"), ".cache", "sharpjit")
    return os.path.join(os.path.dirname(os.path.abspath(source_file)), "__pycache__", "sharpjit")


class Dispatcher(_sharpjit.Dispatcher):
    """A compiled function. Calling it picks (or compiles) the native version for the argument types, in native code."""

    def __init__(self, py_func, signatures=(), **options):
        unknown = set(options) - set(_OPTIONS)
        if unknown:
            raise TypeError(f"unknown option(s) for sharpjit.jit: {', '.join(sorted(unknown))}")
        import functools
        functools.update_wrapper(self, py_func)
        self.py_func = py_func
        self.options = dict(options)
        if options.get("error_model", "python") not in ("python", "numpy"):
            raise ValueError("error_model must be 'python' or 'numpy'")
        code = py_func.__code__
        if code.co_flags & _CO_VARKEYWORDS:
            from .errors import UnsupportedError
            raise UnsupportedError(f"{py_func.__qualname__}(): **kwargs parameters are not supported in compiled functions")
        # In the compiled function's order: positional, then *args (a tuple of the extra arguments), then keyword-only.
        positional, kwonly = code.co_argcount, code.co_kwonlyargcount
        varargs = bool(code.co_flags & _CO_VARARGS)
        self._param_names = (code.co_varnames[:positional] + code.co_varnames[positional + kwonly:positional + kwonly + varargs]
                             + code.co_varnames[positional:positional + kwonly])
        stencil = bool(options.get("_stencil", False))
        defaults = py_func.__defaults__
        if stencil:   # the compiled stencil takes the kernel's arrays and out=None (Binding/Stencils.cs)
            self._param_names += ("out",)
            positional, defaults = positional + 1, (None,)
        source, file, first_line = _source_of(py_func)
        self._setup(source, file, first_line, py_func.__name__, self._param_names,
                    bool(options.get("nogil", False)), bool(options.get("fastmath", False)),
                    bool(options.get("boundscheck", True) is not False), _cache_dir(options.get("cache", False), file),
                    _body_position(py_func.__code__, source.splitlines(True)) if py_func.__name__ == "<lambda>" else None,
                    options.get("error_model", "python") == "numpy",
                    (py_func.__qualname__, positional, code.co_posonlyargcount, defaults,
                     py_func.__kwdefaults__, varargs, bool(options.get("parallel", False)), stencil))
        for sig in signatures:
            self._compile_signature(sig)

    @property
    def signatures(self):
        """The argument types of every compiled version, e.g. [('float64', 'int64')]."""
        return self._signatures()

    @property
    def compile_times(self):
        """Seconds spent compiling each signature (parse to machine code); 0.0-ish for ones loaded from the cache."""
        return [abs(t) for t in self._compile_times()]

    @property
    def cache_hits(self):
        """How many signatures were loaded from the on-disk cache instead of compiled."""
        return sum(1 for t in self._compile_times() if t < 0)

    def _inspect(self, kind, signature):
        found = dict(_sharpjit.Dispatcher._inspect(self, kind))
        if signature is None:
            return found
        return found[tuple(signature)]

    def inspect_llvm(self, signature=None):
        """Optimised LLVM IR: a dict {signature: text}, or the text of one signature."""
        return self._inspect("llvm", signature)

    def inspect_asm(self, signature=None):
        """Machine code as assembly: a dict {signature: text}, or the text of one signature."""
        return self._inspect("asm", signature)

    def inspect_types(self, signature=None):
        """The typed IR (every value with its inferred type): a dict {signature: text}, or one signature's text."""
        found = self._inspect("types", signature)
        return found if signature is not None else "\n".join(f"# {sig}\n{text}" for sig, text in found.items())

    def __get__(self, obj, objtype=None):
        """As a class attribute it binds like a function (the instance becomes the first argument)."""
        if obj is None:
            return self
        import types
        return types.MethodType(self, obj)

    def __repr__(self):
        return f"<sharpjit.Dispatcher {self.__qualname__} signatures={self.signatures}>"

    def __reduce__(self):
        # By module and name when that finds this dispatcher again; the source and frozen globals travel too, for
        # processes where the module does not import (functions made in notebooks, exec'd or nested code).
        portable = None if _find_by_name(self.__module__, self.__qualname__) is self else _portable_source(self)
        return (_rebuild, (self.__module__, self.__qualname__, portable, self.options))


def _find_by_name(module, qualname):
    """The dispatcher importing `module` and following `qualname` gives, or None."""
    try:
        import importlib
        obj = importlib.import_module(module)
        for part in qualname.split("."):
            obj = getattr(obj, part)
        return obj if isinstance(obj, Dispatcher) else None
    except Exception:
        return None


def _portable_source(dispatcher):
    """(name, source of the function alone, its global values) for rebuilding it elsewhere, or None."""
    import ast
    import inspect
    import textwrap
    fn = dispatcher.py_func
    try:
        tree = ast.parse(textwrap.dedent(inspect.getsource(fn)))
    except (OSError, TypeError, SyntaxError):
        return None
    if fn.__name__ == "<lambda>":
        lambdas = [n for n in ast.walk(tree) if isinstance(n, ast.Lambda)
                   and [a.arg for a in n.args.args] == list(fn.__code__.co_varnames[: fn.__code__.co_argcount])]
        if len(lambdas) != 1:
            return None
        source = f"__sharpjit_lambda = {ast.unparse(lambdas[0])}\n"
        name = "__sharpjit_lambda"
    else:
        defs = [n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == fn.__name__]
        if not defs:
            return None
        defs[0].decorator_list = []
        source, name = ast.unparse(defs[0]) + "\n", fn.__name__
    values = {}
    for var in _names_read(fn.__code__):
        kind = _bridge.resolve(dispatcher, var)
        if kind is None:
            continue
        if kind[0] == "const":
            values[var] = ("value", kind[1])
        elif kind[0] == "module":
            values[var] = ("module", kind[1])
        elif kind[0] == "pymodule":
            values[var] = ("module", kind[2])
        elif kind[0] == "member":
            values[var] = ("member", kind[1], kind[2])
        elif kind[0] == "jit" and kind[1] is not dispatcher:
            values[var] = ("value", kind[1])  # pickled in turn
    return name, source, values


def _names_read(code):
    names = set(code.co_names) | set(code.co_freevars)
    for const in code.co_consts:
        if hasattr(const, "co_names"):
            names |= _names_read(const)
    return names


def _rebuild(module, qualname, portable, options):
    """Unpickling: the dispatcher of that name if its module imports, else one rebuilt from the pickled source."""
    found = _find_by_name(module, qualname)
    if found is not None:
        return found
    if portable is None:
        raise RuntimeError(f"cannot unpickle sharpjit function {module}.{qualname}: its module does not import here "
                           "and its source is not available")
    import importlib
    import linecache
    name, source, values = portable
    namespace = {"__name__": module}
    for var, value in values.items():
        if value[0] == "module":
            namespace[var] = importlib.import_module(value[1])
        elif value[0] == "member":
            namespace[var] = getattr(importlib.import_module(value[1]), value[2])
        else:
            namespace[var] = value[1]
    filename = f"<sharpjit: {module}.{qualname}>"
    linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
    exec(compile(source, filename, "exec"), namespace)
    rebuilt = Dispatcher(namespace[name], **options)
    namespace[name] = rebuilt  # as a decorator would have left it
    return rebuilt


def jit(signature_or_function=None, **options):
    """Compile a function to native code on its first call with each set of argument types.

    @jit, @jit(fastmath=True, nogil=True, cache=True), @jit("float64(float64, int64)"), @jit([sig1, sig2]).
    With SHARPJIT_DISABLE_JIT=1 in the environment the function is returned unchanged (runs as Python).
    """
    if callable(signature_or_function) and not isinstance(signature_or_function, (str, list, tuple)):
        return jit(**options)(signature_or_function)
    sigs = signature_or_function
    if sigs is None:
        sigs = ()
    elif isinstance(sigs, str):
        sigs = (sigs,)

    def decorate(py_func):
        if _disabled():
            return py_func
        if isinstance(py_func, Dispatcher):
            py_func = py_func.py_func
        return Dispatcher(py_func, tuple(sigs), **options)

    return decorate


njit = jit


_STENCIL_OPTIONS = ("cval", "standard_indexing", "neighborhood")


def stencil(func_or_mode="constant", **options):
    """Numba's @stencil: a kernel written for one point with relative indices (a[-1, 0] + a[1, 0]), compiled into a
    function that runs it at every point of its array argument where the neighbourhood fits, the border set to cval
    (0). @stencil, @stencil(cval=..., neighborhood=((-1, 1), ...), standard_indexing=("b",)); call it as k(a, ...)
    or k(a, ..., out=array), from Python or from compiled code. The options are read from the decorator's text."""
    for option in options:
        if option not in _STENCIL_OPTIONS:
            raise ValueError("Unknown stencil option " + option)
    def decorate(func):   # (compiled also under SHARPJIT_DISABLE_JIT: as Python the kernel would read absolute indices)
        return Dispatcher(func.py_func if isinstance(func, Dispatcher) else func, _stencil=True)

    if not isinstance(func_or_mode, str):
        return decorate(func_or_mode)
    if func_or_mode != "constant":
        raise ValueError("Unsupported mode style " + func_or_mode)
    return decorate
