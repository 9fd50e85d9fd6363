"""Exceptions raised by sharpjit when a function cannot be compiled.

Each carries the compiler's report: file, line, column, the source line with a caret, and a hint.
"""


class SharpJitError(Exception):
    """Base class of every error the compiler reports."""


class TypingError(SharpJitError, TypeError):
    """Types that do not fit together (e.g. adding a tuple to an int)."""


class UnsupportedError(SharpJitError, NotImplementedError):
    """Valid Python that compiled code does not support."""


class CompileSyntaxError(SharpJitError, SyntaxError):
    """The function's source does not parse."""


class CompileIndentationError(CompileSyntaxError, IndentationError):
    """The function's source is not indented correctly."""


class CompileTabError(CompileIndentationError, TabError):
    """The function's indentation mixes tabs and spaces inconsistently."""


class CompileNameError(SharpJitError, NameError):
    """A name the function reads is not defined."""


class CompileRecursionError(SharpJitError, RecursionError):
    """The function's source nests statements or expressions more deeply than CPython's compiler allows (3000 levels),
    or than the stack allows: "maximum recursion depth exceeded during compilation"."""


class InternalError(SharpJitError, RuntimeError):
    """A bug in sharpjit; the report names the source being compiled."""


class LLVMLoadError(SharpJitError, OSError):
    """LLVM 19 cannot be loaded, so nothing new can be compiled (cached functions still load)."""


BY_KIND = {
    "LLVMLoadError": LLVMLoadError,
    "TypingError": TypingError,
    "UnsupportedError": UnsupportedError,
    "SyntaxError": CompileSyntaxError,
    "IndentationError": CompileIndentationError,
    "TabError": CompileTabError,
    "NameError": CompileNameError,
    "RecursionError": CompileRecursionError,
    "InternalError": InternalError,
}


class CacheWarning(RuntimeWarning):
    """cache=True could not use its directory or secret safely (another user's or a shared writable directory, an
    insecure key file); the function is compiled and runs, uncached."""
