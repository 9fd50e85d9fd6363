"""sharpjit: a just-in-time compiler for numeric Python, written in C# on LLVM.

    import sharpjit

    @sharpjit.jit
    def f(x, y):
        return x * y + 1.0
"""
__version__ = "0.1.0"  # before the imports: the cache key reads it

from . import errors
from ._dispatcher import Dispatcher, jit, njit, stencil
from .cfunc import cfunc, CFunc, carray, farray
from .export import export
from .bitcode import install_bitcode_importer, uninstall_bitcode_importer, load_bitcode
from .extern import extern, ExternFunction, callback, PythonCallback, objmode
from .classes import jitclass
from .vectorize import vectorize, guvectorize, UFunc, GUFunc
from . import typed

# Numba's prange: Python runs it as range; compiled with parallel=True, its iterations run on all cores.
prange = range

from ._dispatcher import _start_warm_up
_start_warm_up()
del _start_warm_up

__all__ = ["jit", "njit", "Dispatcher", "errors", "cfunc", "CFunc", "export", "install_bitcode_importer",
           "uninstall_bitcode_importer", "load_bitcode", "extern", "ExternFunction", "callback", "PythonCallback", "objmode",
           "typed", "jitclass", "prange", "vectorize", "guvectorize", "UFunc", "GUFunc", "stencil", "carray", "farray"]
