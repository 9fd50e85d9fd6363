"""CPython extension modules from LLVM bitcode: after install_bitcode_importer(), `import xx` finds xx.bc (or
xx.cpython-311-x86_64-linux-gnu.bc, or .ll) on sys.path, JIT-compiles it, resolves its symbols against the running
interpreter and the shared libraries already loaded, and runs PyInit_xx — no shared library on disk.

    clang-19 -O2 -fPIC -emit-llvm -c fastmod.c -I/usr/include/python3.11 -o fastmod.bc
    sharpjit.install_bitcode_importer()
    import fastmod
"""
import importlib.abc
import importlib.util
import os
import sys
import sysconfig

from . import _sharpjit

__all__ = ["install_bitcode_importer", "uninstall_bitcode_importer", "BitcodeFinder"]


def _suffixes():
    soabi = sysconfig.get_config_var("SOABI")
    return ([f".{soabi}.bc", f".{soabi}.ll"] if soabi else []) + [".bc", ".ll"]


class BitcodeLoader(importlib.abc.Loader):
    def __init__(self, path):
        self.path = path

    def create_module(self, spec):
        return _sharpjit._init_bitcode_module(self.path, spec.name.rpartition(".")[2], spec)

    def exec_module(self, module):
        pass                     # PyInit (and, for multi-phase modules, their exec slots) ran in create_module


class BitcodeFinder(importlib.abc.MetaPathFinder):
    """Finds NAME.bc / NAME.SOABI.bc / NAME.ll on sys.path (or a package's __path__)."""

    def find_spec(self, fullname, path=None, target=None):
        name = fullname.rpartition(".")[2]
        for directory in (path if path is not None else sys.path):
            directory = directory or "."
            for suffix in _suffixes():
                candidate = os.path.join(directory, name + suffix)
                if os.path.isfile(candidate):
                    return importlib.util.spec_from_file_location(fullname, candidate, loader=BitcodeLoader(candidate))
        return None


def install_bitcode_importer():
    """After this, `import xx` also finds extension modules compiled to LLVM bitcode (idempotent)."""
    if not any(isinstance(f, BitcodeFinder) for f in sys.meta_path):
        sys.meta_path.append(BitcodeFinder())


def uninstall_bitcode_importer():
    sys.meta_path[:] = [f for f in sys.meta_path if not isinstance(f, BitcodeFinder)]
