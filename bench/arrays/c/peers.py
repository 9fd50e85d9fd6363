"""C peers of the *_loops kernels: bench/arrays/c/NAME.c, the same loop written in plain C, built with clang -O3.

load(name) compiles c/NAME.c on first use into a cache under the temp dir (the file name carries a hash of the
source and flags, so a stale library is never loaded) and returns f(*setup()) -> the Python kernel's result, or
None when the kernel has no C peer. Arrays must be writable, non-empty and C-contiguous (anything else raises) and
have setup()'s dtypes (not checked): the per-call work is the address lookups, the allocations the Python kernel
does, and one ctypes call.
"""
import ctypes
import hashlib
import os
import shutil
import subprocess
import tempfile

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCES = HERE
CC = "clang-19"
# No -ffast-math, so no reassociation; -ffp-contract=off, so that a * b + c stays a multiply and an add, as Python,
# Numba and sharpjit (without fastmath) compute it: clang's default fuses it into one FMA on -march=native, a different
# result in the last bits. With it every peer returns Python's result bit for bit.
FLAGS = ("-O3", "-march=native", "-ffp-contract=off", "-shared", "-fPIC")
BUILD = os.path.join(tempfile.gettempdir(), "bench_arrays_c_peers", "build")

# Kernels without a peer, and why.
NO_PEER = {
    "random_walk_loops": "draws np.random.randn()/np.random.random() inside the timed loop: a C peer would have to "
                         "reimplement NumPy's legacy MT19937 generator and Gaussian to return the same result",
}

P, I64, F64, F32 = ctypes.c_void_p, ctypes.c_int64, ctypes.c_double, ctypes.c_float


def available():
    return shutil.which(CC) is not None


def compiler_version():
    return subprocess.run([CC, "--version"], capture_output=True, text=True, check=True).stdout.splitlines()[0]


# ---------------------------------------------------------------- wrappers
# Each takes the loaded C function and returns f(*setup()). An array goes in as _ref(_buf(a)), a ctypes view of its
# buffer passed by reference: about 0.2 us, against about 0.9 us for a.ctypes.data and more for
# a.__array_interface__ (it also refuses a non-contiguous array instead of passing a wrong layout). Scalars the C
# code returns through pointers land in ctypes buffers made once here, passed by their precomputed address.
_buf, _ref = ctypes.c_char.from_buffer, ctypes.byref


def _argminmax(k):
    out = (ctypes.c_int64 * 2)()
    out_p = ctypes.addressof(out)

    def f(a):
        k(_ref(_buf(a)), len(a), out_p)
        return out[0], out[1]
    return f


def _blackscholes(k):
    def f(price, strike, years, rate, volatility):
        call = np.empty_like(price)
        put = np.empty_like(price)
        k(_ref(_buf(price)), _ref(_buf(strike)), _ref(_buf(years)), len(price), rate, volatility,
          _ref(_buf(call)), _ref(_buf(put)))
        return call, put
    return f


def _convolve(k):
    def f(x, w):
        out = np.zeros(len(x) - len(w) + 1)
        k(_ref(_buf(x)), len(x), _ref(_buf(w)), len(w), _ref(_buf(out)))
        return out
    return f


def _cumsum(k):
    def f(a):
        out = np.empty_like(a)
        k(_ref(_buf(a)), len(a), _ref(_buf(out)))
        return out
    return f


def _diffusion(k):
    def f(u, alpha, steps):
        new = u.copy()
        n, m = u.shape
        return (u, new)[k(_ref(_buf(u)), _ref(_buf(new)), n, m, alpha, steps)]
    return f


def _grayscott(k):
    def f(u, v, du, dv, feed, kill, steps):
        u_next = u.copy()
        v_next = v.copy()
        n, m = u.shape
        return (v, v_next)[k(_ref(_buf(u)), _ref(_buf(v)), _ref(_buf(u_next)), _ref(_buf(v_next)), n, m,
                             du, dv, feed, kill, steps)]
    return f


def _histogram(k):
    def f(x, bins, lo, hi):
        counts = np.zeros(bins, dtype=np.int64)
        k(_ref(_buf(x)), len(x), bins, lo, hi, _ref(_buf(counts)))
        return counts
    return f


def _jacobi(k):
    delta = ctypes.c_double()
    delta_p = ctypes.addressof(delta)

    def f(u, iterations):
        new = u.copy()
        n, m = u.shape
        which = k(_ref(_buf(u)), _ref(_buf(new)), n, m, iterations, delta_p)
        return (u, new)[which], delta.value
    return f


def _mandelbrot(k):
    def f(xmin, xmax, ymin, ymax, width, height, maxiter):
        counts = np.zeros((height, width), dtype=np.int64)
        k(xmin, xmax, ymin, ymax, width, height, maxiter, _ref(_buf(counts)))
        return counts
    return f


def _mask_update(k):
    def f(a, threshold):
        out = np.empty_like(a)
        k(_ref(_buf(a)), len(a), threshold, _ref(_buf(out)))
        return out
    return f


def _matmul(k):
    def f(a, b):
        n, inner = a.shape
        m = b.shape[1]
        c = np.zeros((n, m))
        k(_ref(_buf(a)), _ref(_buf(b)), n, inner, m, _ref(_buf(c)))
        return c
    return f


def _montecarlo_pi(k):
    def f(x, y):
        return k(_ref(_buf(x)), _ref(_buf(y)), len(x))
    return f


def _nbody(k):
    def f(pos, vel, mass, dt, softening, steps):
        acc = np.empty_like(pos)  # the Python code's per-step np.zeros_like, allocated once; C zeroes it each step
        k(_ref(_buf(pos)), _ref(_buf(vel)), _ref(_buf(mass)), pos.shape[0], dt, softening, steps, _ref(_buf(acc)))
        return pos
    return f


def _pairwise(k):
    def f(X):
        n, d = X.shape
        D = np.empty((n, n))
        k(_ref(_buf(X)), n, d, _ref(_buf(D)))
        return D
    return f


def _polyval(k):
    def f(x, coeffs):
        out = np.empty_like(x)
        k(_ref(_buf(x)), len(x), _ref(_buf(coeffs)), len(coeffs), _ref(_buf(out)))
        return out
    return f


def _reductions(k):
    out = (ctypes.c_double * 5)()
    out_p = ctypes.addressof(out)

    def f(a):
        k(_ref(_buf(a)), len(a), out_p)
        return tuple(out)
    return f


def _running_max(k):
    def f(steps):
        return k(_ref(_buf(steps)), len(steps))
    return f


def _saxpy(k):
    def f(a, x, y):
        out = np.empty_like(x)
        k(a, _ref(_buf(x)), _ref(_buf(y)), len(x), _ref(_buf(out)))
        return out
    return f


def _softmax(k):
    def f(x):
        n, m = x.shape
        out = np.empty_like(x)
        k(_ref(_buf(x)), n, m, _ref(_buf(out)))
        return out
    return f


def _wave(k):
    def f(c, p, speed2, d, dt, steps):
        nxt = np.zeros_like(c)
        n, m = c.shape
        return (c, p, nxt)[k(_ref(_buf(c)), _ref(_buf(p)), _ref(_buf(nxt)), n, m, speed2, d, dt, steps)]
    return f


# name -> (argtypes, restype, wrapper)
SPECS = {
    "argminmax_loops": ((P, I64, P), None, _argminmax),
    "blackscholes_loops": ((P, P, P, I64, F64, F64, P, P), None, _blackscholes),
    "convolve_loops": ((P, I64, P, I64, P), None, _convolve),
    "cumsum_loops": ((P, I64, P), None, _cumsum),
    "diffusion_loops": ((P, P, I64, I64, F64, I64), I64, _diffusion),
    "grayscott_loops": ((P, P, P, P, I64, I64, F64, F64, F64, F64, I64), I64, _grayscott),
    "histogram_loops": ((P, I64, I64, F64, F64, P), None, _histogram),
    "jacobi_loops": ((P, P, I64, I64, I64, P), I64, _jacobi),
    "mandelbrot_loops": ((F64, F64, F64, F64, I64, I64, I64, P), None, _mandelbrot),
    "mask_update_loops": ((P, I64, F64, P), None, _mask_update),
    "matmul_loops": ((P, P, I64, I64, I64, P), None, _matmul),
    "montecarlo_pi_loops": ((P, P, I64), F64, _montecarlo_pi),
    "nbody_loops": ((P, P, P, I64, F64, F64, I64, P), None, _nbody),
    "pairwise_loops": ((P, I64, I64, P), None, _pairwise),
    "polyval_loops": ((P, I64, P, I64, P), None, _polyval),
    "reductions_loops": ((P, I64, P), None, _reductions),
    "running_max_loops": ((P, I64), F64, _running_max),
    "saxpy_loops": ((F32, P, P, I64, P), None, _saxpy),
    "softmax_loops": ((P, I64, I64, P), None, _softmax),
    "wave_loops": ((P, P, P, I64, I64, F64, F64, F64, I64), I64, _wave),
}


# ---------------------------------------------------------------- build and load

def _library(name):
    """c/NAME.c as a loaded shared library, compiled unless the cache already holds this source with these flags."""
    src = os.path.join(SOURCES, name + ".c")
    with open(src, "rb") as f:
        key = hashlib.sha256(f.read() + " ".join((CC,) + FLAGS).encode()).hexdigest()[:16]
    so = os.path.join(BUILD, f"{name}-{key}.so")
    if not os.path.exists(so):
        os.makedirs(BUILD, exist_ok=True)
        tmp = f"{so}.{os.getpid()}.tmp"  # then renamed: concurrent workers never load a half-written file
        done = subprocess.run([CC, *FLAGS, "-o", tmp, src], capture_output=True, text=True)
        if done.returncode != 0:
            raise RuntimeError(f"{CC} failed on {src}:\n{done.stderr}")
        os.replace(tmp, so)
    return ctypes.CDLL(so)


_loaded = {}


def load(name):
    """f(*setup()) computing NAME's kernel in C, or None when NAME has no C peer."""
    if name not in SPECS:
        return None
    if name not in _loaded:
        argtypes, restype, wrapper = SPECS[name]
        k = _library(name).kernel
        k.argtypes, k.restype = argtypes, restype
        _loaded[name] = wrapper(k)
    return _loaded[name]
