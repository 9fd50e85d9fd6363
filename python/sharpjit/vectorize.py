"""@sharpjit.vectorize: a compiled scalar function that NumPy calls as a ufunc, as Numba's @vectorize makes one.

    @sharpjit.vectorize(["float64(float64, float64)", "int64(int64, int64)"])
    def rel_diff(x, y):
        return 2 * (x - y) / (x + y)

    rel_diff(a, b)                # broadcasting, out=, where=, dtype= ... as any NumPy ufunc
    rel_diff.reduce(a)            # reduce, accumulate, outer, at, reduceat
    rel_diff.ufunc                # the numpy.ufunc itself

Each signature becomes a loop of a real `numpy.ufunc`, compiled now; NumPy picks the loop as for its own ufuncs (the
first one every input casts to safely). Without signatures (`@vectorize` alone) a loop is compiled on a call for the
inputs' own dtypes (Python's int, float and complex as int64, float64 and complex128), and that loop runs. The kernel
follows NumPy's error model (1.0 / 0.0 is inf, with NumPy's RuntimeWarning); an exception it raises stops the call and
is raised with its compiled frames. Compiled code that calls a @vectorize function applies it element-wise itself
(fused with the expression around it), with the same loop choice.
"""
import ctypes
import functools
import linecache

from . import _sharpjit
from ._dispatcher import Dispatcher

# PyUFunc_Zero, PyUFunc_One, PyUFunc_None, PyUFunc_ReorderableNone.
_IDENTITIES = {0: 0, 1: 1, None: -1, "reorderable": -2}
_JIT_OPTIONS = ("cache", "fastmath", "nogil", "boundscheck", "error_model")
_IGNORED = ("target", "nopython", "forceobj")
# Every ufunc's loop tables: NumPy keeps pointers to them (and to the name) for the ufunc's lifetime, which may
# outlast the object that made it.
_KEEP_ALIVE = []
_from_func_and_data = None


def _make_ufunc(funcs, types, nin, nout, identity, name, doc, layout=None):
    """PyUFunc_FromFuncAndData, or PyUFunc_FromFuncAndDataAndSignature for a generalized ufunc's layout, from
    NumPy's C API table."""
    global _from_func_and_data
    if _from_func_and_data is None:
        import numpy as np
        get_pointer = ctypes.pythonapi.PyCapsule_GetPointer
        get_pointer.restype = ctypes.c_void_p
        get_pointer.argtypes = [ctypes.py_object, ctypes.c_char_p]
        table = ctypes.cast(get_pointer(np.core._multiarray_umath._UFUNC_API, None), ctypes.POINTER(ctypes.c_void_p))
        arguments = [ctypes.c_void_p, ctypes.c_void_p, ctypes.c_void_p, ctypes.c_int, ctypes.c_int, ctypes.c_int, ctypes.c_int,
                     ctypes.c_char_p, ctypes.c_char_p, ctypes.c_int]
        _from_func_and_data = (ctypes.PYFUNCTYPE(ctypes.py_object, *arguments)(table[1]),
                               ctypes.PYFUNCTYPE(ctypes.py_object, *arguments, ctypes.c_char_p)(table[31]))
    n = len(funcs)
    func_table = (ctypes.c_void_p * n)(*funcs)
    data_table = (ctypes.c_void_p * n)()
    type_table = (ctypes.c_char * len(types))(*types)
    strings = [ctypes.c_char_p(text.encode()) for text in (name, doc, layout or "")]
    _KEEP_ALIVE.append((func_table, data_table, type_table, strings))
    tables = (ctypes.addressof(func_table), ctypes.addressof(data_table), ctypes.addressof(type_table), n, nin, nout, identity,
              strings[0], strings[1], 0)
    if layout is None:
        return _from_func_and_data[0](*tables)
    return _from_func_and_data[1](*tables, strings[2])


def _dtype_name(value):
    """The dtype a lazy ufunc compiles its loop for: Python's numbers as compiled code types them, else NumPy's."""
    from ._bridge import python_number_dtype
    number = python_number_dtype(value)
    if number is not None:
        return number
    import numpy as np
    return np.asarray(value).dtype.name


def _decorated_in_source(py_func):
    """Whether the function's definition carries @vectorize, as compiled code that calls it reads it."""
    code = py_func.__code__
    line = linecache.getline(code.co_filename, code.co_firstlineno, py_func.__globals__).strip()
    return line.startswith("@") and "vectorize" in line


class UFunc:
    """A @vectorize function: a numpy.ufunc of compiled loops (see the module's docstring)."""

    def __init__(self, py_func, signatures=(), identity=None, **options):
        for key in options:
            if key not in _JIT_OPTIONS + _IGNORED:
                raise TypeError(f"unknown option for sharpjit.vectorize: {key}")
        if options.get("target", "cpu") not in ("cpu", "parallel"):
            raise ValueError(f"target={options['target']!r} is not supported: sharpjit's ufuncs run on the CPU")
        if identity not in _IDENTITIES:
            raise ValueError(f"identity must be 0, 1, None or 'reorderable', not {identity!r}")
        if py_func.__code__.co_flags & 0x0C or py_func.__code__.co_kwonlyargcount:   # *args, **kwargs, keyword-only
            raise TypeError(f"{py_func.__name__}(): a ufunc's kernel takes positional parameters only, one per operand")
        functools.update_wrapper(self, py_func)
        self.py_func = py_func
        self.identity = identity
        jit_options = {k: v for k, v in options.items() if k in _JIT_OPTIONS}
        jit_options.setdefault("error_model", "numpy")   # Numba compiles a ufunc's kernel with NumPy's error model
        self._dispatcher = Dispatcher(py_func, (), **jit_options)
        self._parallel = options.get("target") == "parallel"   # the loops split their work over the cores
        self._nin = py_func.__code__.co_argcount
        self._loops = []          # (input dtype names, output dtype name, address)
        self._cache_hits = 0      # loops loaded from the on-disk cache (cache=True)
        self._may_raise = False   # whether a loop can stop with an exception (else calls go straight to the ufunc)
        self._ufunc = None
        self._lazy = not signatures
        self._compile_declared([signatures] if isinstance(signatures, str) else list(signatures))
        self._build()

    # ------------------------------------------------------------------ loops

    def _compile_declared(self, signatures):
        py_func = self.py_func
        for signature in signatures:
            if not isinstance(signature, str):
                raise TypeError(f"a @vectorize signature is a string such as \"float64(float64, float64)\", not {signature!r}")
            head, _, rest = signature.strip().partition("(")
            if not rest.endswith(")"):
                raise TypeError(f"invalid @vectorize signature {signature!r}: expected \"float64(float64, float64)\"")
            inputs = tuple(t.strip() for t in rest[:-1].split(",") if t.strip())
            if len(inputs) != self._nin:
                raise TypeError(f"@vectorize signature {signature!r} has {len(inputs)} input(s), and "
                                f"{py_func.__name__}() takes {self._nin}")
            self._add_loop(inputs, head.strip())

    def _add_loop(self, inputs, output=None):
        address, out, may_raise, cached = _sharpjit._ufunc_loop(self._dispatcher, tuple(inputs), output, self._parallel)
        self._cache_hits += cached
        self._loops.append((tuple(inputs), out, address))
        self._may_raise |= may_raise

    def _build(self):
        if not self._loops:
            return
        import numpy as np
        types = [np.dtype(t).num for inputs, out, _ in self._loops for t in inputs + (out,)]
        self._ufunc = _make_ufunc([address for _, _, address in self._loops], types, self._nin, 1,
                                  _IDENTITIES[self.identity], self.py_func.__name__, self.py_func.__doc__ or "")
        self._fast_call()

    def _fast_call(self):
        if not self._lazy and not self._may_raise:
            # Nothing to add to NumPy's call: a class of its own whose __call__ is the ufunc itself (not a descriptor,
            # so CPython calls it with the arguments alone), as cheap as calling the ufunc.
            cls = type(self)
            self.__class__ = type(cls.__name__, (cls,), {"__call__": self._ufunc, "__slots__": ()})

    def _loop_for(self, operands):
        """A lazy ufunc's loop for these operands' dtypes (compiled on first use): the signature to call it with."""
        inputs = tuple(_dtype_name(x) for x in operands)
        for loop_inputs, out, _ in self._loops:
            if loop_inputs == inputs:
                return inputs + (out,)
        self._add_loop(inputs)
        self._build()
        return inputs + (self._loops[-1][1],)

    def _run(self, method, *args, **kwargs):
        if not self._may_raise:
            return method(*args, **kwargs)
        _sharpjit._ufunc_error(False)
        result = method(*args, **kwargs)
        _sharpjit._ufunc_error(True)
        return result

    # ------------------------------------------------------------------ the ufunc's interface

    def __call__(self, *args, **kwargs):
        if self._lazy and "signature" not in kwargs and "dtype" not in kwargs:
            if not self._nin <= len(args) <= self._nin + 1:
                raise TypeError(f"{self.__name__}() takes from {self._nin} to {self._nin + 1} positional arguments but {len(args)} were given")
            kwargs["signature"] = self._loop_for(args[:self._nin])
        return self._run(self._ufunc or self.ufunc, *args, **kwargs)

    def _binary_method(self, name, operands, *args, **kwargs):
        if self._nin != 2:
            raise ValueError(f"{name} only supported for binary functions")
        if self._lazy:
            self._loop_for(operands)
        return self._run(getattr(self.ufunc, name), *args, **kwargs)

    def reduce(self, array, *args, **kwargs):
        return self._binary_method("reduce", (array, array), array, *args, **kwargs)

    def accumulate(self, array, *args, **kwargs):
        return self._binary_method("accumulate", (array, array), array, *args, **kwargs)

    def reduceat(self, array, *args, **kwargs):
        return self._binary_method("reduceat", (array, array), array, *args, **kwargs)

    def outer(self, a, b, **kwargs):
        import numpy as np
        return self._binary_method("outer", (np.asarray(a).ravel()[:0], np.asarray(b).ravel()[:0]), a, b, **kwargs)

    def at(self, a, indices, *b):
        if self._lazy:
            self._loop_for((a,) + b)
        return self._run(self.ufunc.at, a, indices, *b)

    @property
    def ufunc(self):
        """The numpy.ufunc (None until a lazy one compiles its first loop)."""
        if self._ufunc is None:
            raise TypeError(f"{self.__name__}() has no loops yet: call it once, or declare signatures in @vectorize([...])")
        return self._ufunc

    @property
    def nin(self):
        return self._nin

    @property
    def nout(self):
        return 1

    @property
    def nargs(self):
        return self._nin + 1

    @property
    def ntypes(self):
        return len(self._loops)

    @property
    def cache_hits(self):
        """How many loops were loaded from the on-disk cache (cache=True) instead of compiled."""
        return self._cache_hits

    @property
    def types(self):
        """The loops as NumPy lists them ("dd->d")."""
        import numpy as np
        return ["".join(np.dtype(t).char for t in inputs) + "->" + np.dtype(out).char for inputs, out, _ in self._loops]

    def __repr__(self):
        return f"<sharpjit.vectorize {self.__qualname__} {self.types}>"


def _split_top(text):
    """Comma-separated items outside brackets and parentheses."""
    items, depth, current = [], 0, ""
    for ch in text:
        if ch == "," and depth == 0:
            items.append(current.strip())
            current = ""
            continue
        depth += ch in "([" 
        depth -= ch in ")]"
        current += ch
    if current.strip():
        items.append(current.strip())
    return items


def _parse_layout(layout):
    """"(m,n),(n)->(m)": each operand's core dimension numbers (names numbered in order of first appearance, as
    NumPy numbers them) and the number of inputs."""
    if not isinstance(layout, str) or "->" not in layout:
        raise TypeError(f"a @guvectorize layout is a string such as \"(n),()->(n)\", not {layout!r}")
    names = {}
    operands = []
    inputs, _, outputs = layout.replace(" ", "").partition("->")
    for part in (inputs, outputs):
        for operand in _split_top(part):
            if not (operand.startswith("(") and operand.endswith(")")):
                raise TypeError(f"invalid @guvectorize layout {layout!r}: each operand is written (n, ...) or ()")
            operands.append(tuple(names.setdefault(d, len(names)) for d in operand[1:-1].split(",") if d))
    return operands, len(_split_top(inputs))


def _parse_operand(text, signature):
    """"float64[:, :]" -> ("float64", 2); "float64" -> ("float64", -1)."""
    dtype, bracket, rest = text.partition("[")
    if not bracket:
        return dtype.strip(), -1
    if not rest.endswith("]"):
        raise TypeError(f"invalid @guvectorize signature {signature!r}: {text!r}")
    return dtype.strip(), len(rest[:-1].split(","))


class GUFunc(UFunc):
    """A @guvectorize function: a generalized numpy.ufunc of compiled loops (see guvectorize)."""

    def __init__(self, py_func, signatures, layout, identity=None, **options):
        if isinstance(signatures, str):
            signatures = [signatures]
        self.layout = layout
        self._core, self._nin_declared = _parse_layout(layout)
        super().__init__(py_func, signatures or (), identity, **options)

    def _compile_declared(self, signatures):
        nargs = len(self._core)
        if self.py_func.__code__.co_argcount != nargs:
            raise TypeError(f"the layout {self.layout!r} has {nargs} operands, and {self.py_func.__name__}() takes "
                            f"{self.py_func.__code__.co_argcount}")
        for signature in signatures:
            if not isinstance(signature, str):
                raise TypeError(f"a @guvectorize signature is a string such as \"void(float64[:], float64[:])\", not {signature!r}")
            head, _, rest = signature.strip().partition("(")
            if head.strip() not in ("", "void", "none") or not rest.endswith(")"):
                raise TypeError(f"invalid @guvectorize signature {signature!r}: write it as \"void(float64[:], float64, float64[:])\"")
            types = [_parse_operand(t, signature) for t in _split_top(rest[:-1])]
            if len(types) != nargs:
                raise TypeError(f"@guvectorize signature {signature!r} has {len(types)} operand(s), and the layout {self.layout!r} {nargs}")
            operands = []
            for k, ((dtype, ndim), core) in enumerate(zip(types, self._core)):
                output = k >= self._nin_declared
                if ndim < 0 and (core or output) or ndim >= 0 and ndim != len(core) and not (ndim == 1 and not core):
                    raise TypeError(f"@guvectorize signature {signature!r}: operand {k} is "
                                    f"{'a number' if ndim < 0 else f'an array of {ndim} dimension(s)'} where the layout "
                                    f"{self.layout!r} gives it {len(core)} core dimension(s)"
                                    + (" (outputs are arrays: a () output is written as x[0])" if output and ndim < 0 else ""))
                operands.append((dtype, ndim, core))
            self._add_generalized_loop(operands)

    def _add_generalized_loop(self, operands):
        address, _, may_raise, cached = _sharpjit._gufunc_loop(self._dispatcher, tuple(operands), self._parallel)
        self._cache_hits += cached
        self._loops.append((tuple(dtype for dtype, _, _ in operands[:self._nin_declared]),
                            tuple(dtype for dtype, _, _ in operands[self._nin_declared:]), address))
        self._may_raise |= may_raise

    def __call__(self, *args, **kwargs):
        # Without signatures (Numba's dynamic gufunc) a loop is compiled for the dtypes of every operand, outputs
        # included: they are passed, positionally or as out=.
        if self._lazy and "signature" not in kwargs and "dtype" not in kwargs:
            out = kwargs.get("out", ())
            operands = list(args) + (list(out) if isinstance(out, tuple) else [out])
            if len(operands) != len(self._core):
                raise TypeError(f"{self.__name__}() has no signatures, so its loop is compiled for the types of all "
                                f"{len(self._core)} operands: pass its output array(s) too (positionally or as out=), or "
                                "declare signatures in @guvectorize([...], layout)")
            kwargs["signature"] = self._generalized_loop_for(operands)
        return UFunc.__call__(self, *args, **kwargs)

    def _generalized_loop_for(self, operands):
        dtypes = tuple(_dtype_name(x) for x in operands)
        if not any(inputs + outputs == dtypes for inputs, outputs, _ in self._loops):
            # a () input is a number; a () output a one-element array, as in a declared signature
            self._add_generalized_loop([(dtype, len(core) if core else (1 if k >= self._nin_declared else -1), core)
                                        for k, (dtype, core) in enumerate(zip(dtypes, self._core))])
            self._build()
        return dtypes

    def _build(self):
        if not self._loops:
            return
        import numpy as np
        types = [np.dtype(t).num for inputs, outputs, _ in self._loops for t in inputs + outputs]
        self._ufunc = _make_ufunc([address for _, _, address in self._loops], types, self._nin_declared,
                                  len(self._core) - self._nin_declared, _IDENTITIES[self.identity], self.py_func.__name__,
                                  self.py_func.__doc__ or "", self.layout)
        self._fast_call()

    @property
    def nin(self):
        return self._nin_declared

    @property
    def nout(self):
        return len(self._core) - self._nin_declared

    @property
    def nargs(self):
        return len(self._core)

    @property
    def signature(self):
        return self.ufunc.signature

    @property
    def types(self):
        import numpy as np
        return ["".join(np.dtype(t).char for t in inputs) + "->" + "".join(np.dtype(t).char for t in outputs)
                for inputs, outputs, _ in self._loops]

    def __repr__(self):
        return f"<sharpjit.guvectorize {self.__qualname__} {self.layout} {self.types}>"


def guvectorize(signatures, layout=None, **options):
    """@guvectorize(["void(float64[:], float64, float64[:])"], "(n),()->(n)"): Numba's generalized ufunc. The function
    takes its inputs and then its outputs, arrays over their core dimensions (numbers where the layout gives an input
    none), and writes its results into the output arrays; NumPy loops over the other dimensions with broadcasting,
    and allocates the outputs it is not given. @guvectorize("(n),()->(n)") alone compiles a loop per operand dtypes
    on the first call with them, the outputs passed. Options as vectorize's."""
    if layout is None:
        signatures, layout = (), signatures

    def decorate(py_func):
        return GUFunc(_plain(py_func), signatures, layout, **options)

    return decorate


def vectorize(signatures_or_function=(), **options):
    """@vectorize, @vectorize(["float64(float64, float64)", ...]) or @vectorize("float64(float64)"); options: identity=
    (0, 1, None, "reorderable"), cache= (each loop is stored in and loaded from the on-disk cache of @jit's cache=True),
    fastmath=, error_model=, and Numba's target="cpu" / nopython=True."""
    if callable(signatures_or_function) and not isinstance(signatures_or_function, (str, list, tuple)):
        return UFunc(_plain(signatures_or_function), **options)

    def decorate(py_func):
        return UFunc(_plain(py_func), signatures_or_function, **options)

    return decorate


def _plain(py_func):
    return py_func.py_func if isinstance(py_func, Dispatcher) else py_func
