"""C from LLVM bitcode, two ways.

Libraries of C functions: load_bitcode("fast.bc") makes the functions a bitcode (or .ll) file defines callable from
compiled code, which links the file into its own LLVM module before optimisation, so LLVM inlines the C:

    clang-19 -O2 -emit-llvm -c fast.c -o fast.bc
    lib = sharpjit.load_bitcode("fast.bc")

    @sharpjit.jit
    def total(n):
        return sum(lib.poly(i * 0.5) for i in range(n))

CPython extension modules: after install_bitcode_importer(), `import xx` finds xx.bc (or
xx.cpython-311-x86_64-linux-gnu.bc, or .ll) on sys.path, JIT-compiles it, resolves its symbols against the running
interpreter and the shared libraries already loaded, and runs PyInit_xx — no shared library on disk.

    clang-19 -O2 -fPIC -emit-llvm -c fastmod.c -I/usr/include/python3.11 -o fastmod.bc
    sharpjit.install_bitcode_importer()
    import fastmod
"""
import os
import sys
import sysconfig

from . import _sharpjit

__all__ = ["install_bitcode_importer", "uninstall_bitcode_importer", "BitcodeFinder", "load_bitcode", "BitcodeLibrary",
           "BitcodeFunction"]


def load_bitcode(path, signatures=None):
    """The C functions an LLVM bitcode or IR text file defines, as attributes of a library object.

    Signatures come from the file's LLVM types where they say enough (double, float, i1 as bool, i8 to i64 as signed
    integers, or unsigned where clang marks a char or short zeroext; void results); `signatures` declares the others,
    or overrides them, as {"name": "uint32(uint32, float64)"}. Compiled code that calls a function links the file into
    its own module, so LLVM inlines the C; a call from Python goes through a compiled wrapper (compiled at its first
    call for the argument types). Raises OSError when the file cannot be read, ValueError when it is not LLVM for this
    machine or a declared signature does not match the function."""
    return BitcodeLibrary(path, signatures)


class BitcodeLibrary:
    """A loaded bitcode file: lib.NAME (or lib["NAME"]) is its function NAME. Loaded once per file content and
    signatures: load it again after the file changes (compiled code, cached on disk too, is keyed on the content)."""

    def __init__(self, path, signatures=None):
        self.path = os.path.abspath(os.fspath(path))
        with open(self.path, "rb"):
            pass                  # OSError (FileNotFoundError, PermissionError, ...) as Python words it
        if signatures is not None and not (isinstance(signatures, dict)
                                           and all(isinstance(k, str) and isinstance(v, str) for k, v in signatures.items())):
            raise TypeError("signatures must be a dict of function name to signature string, e.g. {'f': 'float64(float64)'}")
        self._key, functions = _sharpjit._bitcode_library(self.path, tuple((signatures or {}).items()))
        self._functions = {name: BitcodeFunction(self, name, signature or None, problem or None, llvm_type)
                           for name, signature, problem, llvm_type in functions}
        # Plain attributes, so lib.NAME is a dictionary lookup (names the class uses stay lib["NAME"] only).
        self.__dict__.update({name: f for name, f in self._functions.items() if not hasattr(type(self), name)
                              and name not in self.__dict__})

    @property
    def functions(self):
        """{name: signature, or None where neither the file's types nor `signatures` give one}."""
        return {name: f.signature for name, f in self._functions.items()}

    def __getitem__(self, name):
        try:
            return self._functions[name]
        except KeyError:
            raise KeyError(f"{os.path.basename(self.path)} defines no function {name!r} (it defines "
                           f"{', '.join(self._functions) or 'none'})") from None

    def __getattr__(self, name):
        if name.startswith("__") or name in ("_functions", "_key"):
            raise AttributeError(name)
        try:
            return self[name]
        except KeyError as e:
            raise AttributeError(e.args[0]) from None

    def __dir__(self):
        return sorted(set(super().__dir__()) | set(self._functions))

    def __repr__(self):
        return f"<sharpjit bitcode library {os.path.basename(self.path)}: {', '.join(self._functions)}>"


class BitcodeFunction:
    """A function of a bitcode library: callable from compiled code (inlined) and from Python (through a compiled
    wrapper). One whose signature is not known raises TypeError naming it and its LLVM type when called."""

    def __init__(self, library, name, signature, problem, llvm_type):
        self.library, self.__name__, self.signature, self.llvm_type = library, name, signature, llvm_type
        self._problem = problem
        self._wrapper = None

    def __call__(self, *args):
        wrapper = self._wrapper
        if wrapper is None:
            wrapper = self._prepare(len(args))
        return wrapper(*args)

    def _prepare(self, given):
        if self.signature is None:
            raise TypeError(self._unknown_signature())
        arity = self.signature.count(",") + 1 if not self.signature.endswith("()") else 0
        if given != arity:
            raise TypeError(f"{self.__name__}() takes {arity} argument{'s' if arity != 1 else ''} ({given} given): "
                            f"it is the C function {self.__name__}: {self.signature}")
        self._wrapper = _compiled_wrapper(self, arity)
        return self._wrapper

    def _unknown_signature(self):
        return (f"the C function '{self.__name__}' of {os.path.basename(self.library.path)} has no known signature "
                f"({self._problem}): declare it with load_bitcode(..., signatures={{'{self.__name__}': '...'}})")

    def __repr__(self):
        return f"<sharpjit bitcode function {self.__name__}: {self.signature or self.llvm_type} from " \
               f"{os.path.basename(self.library.path)}>"


def _compiled_wrapper(function, arity):
    """A compiled def NAME(a0, ...): return function(a0, ...), its source registered with linecache (where the
    compiler reads it). Compiled even under SHARPJIT_DISABLE_JIT=1: the C has no Python version to fall back on."""
    from ._dispatcher import Dispatcher
    import keyword
    name = function.__name__ + ("_" if keyword.iskeyword(function.__name__) else "")
    params = ", ".join(f"a{k}" for k in range(arity))
    filename = f"<sharpjit bitcode {function.library.path}:{function.__name__}>"
    source = f"def {name}({params}):\n    return _c_function({params})\n"
    import linecache   # here: with its tokenize and re it adds ~10 ms to `import sharpjit`
    linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
    namespace = {"_c_function": function}
    exec(compile(source, filename, "exec"), namespace)
    return Dispatcher(namespace[name], ())


def describe(value):
    """How compiled code sees a library or one of its functions (see _bridge.classify); None for other values."""
    if isinstance(value, BitcodeLibrary):
        return ("bitcodelib", value._key)
    if isinstance(value, BitcodeFunction):
        return ("bitcodefn", value.library._key, value.__name__)
    return None


def _suffixes():
    soabi = sysconfig.get_config_var("SOABI")
    return ([f".{soabi}.bc", f".{soabi}.ll"] if soabi else []) + [".bc", ".ll"]


class BitcodeLoader:   # importlib's Loader protocol (importlib.abc costs ~20 ms to import)
    def __init__(self, path):
        self.path = path

    def create_module(self, spec):
        return _sharpjit._init_bitcode_module(self.path, spec.name.rpartition(".")[2], spec)

    def exec_module(self, module):
        pass                     # PyInit (and, for multi-phase modules, their exec slots) ran in create_module


class BitcodeFinder:   # importlib's MetaPathFinder protocol
    """Finds NAME.bc / NAME.SOABI.bc / NAME.ll on sys.path (or a package's __path__)."""

    def find_spec(self, fullname, path=None, target=None):
        name = fullname.rpartition(".")[2]
        for directory in (path if path is not None else sys.path):
            directory = directory or "."
            for suffix in _suffixes():
                candidate = os.path.join(directory, name + suffix)
                if os.path.isfile(candidate):
                    import importlib.util
                    return importlib.util.spec_from_file_location(fullname, candidate, loader=BitcodeLoader(candidate))
        return None


def install_bitcode_importer():
    """After this, `import xx` also finds extension modules compiled to LLVM bitcode (idempotent)."""
    if not any(isinstance(f, BitcodeFinder) for f in sys.meta_path):
        sys.meta_path.append(BitcodeFinder())


def uninstall_bitcode_importer():
    sys.meta_path[:] = [f for f in sys.meta_path if not isinstance(f, BitcodeFinder)]
