# NumPy's discrete Fourier transforms (np.fft) in compiled code: fft, ifft, rfft, irfft, fft2, ifft2, fftn, ifftn,
# rfft2, irfft2, rfftn, irfftn, hfft, ihfft, fftfreq, rfftfreq, fftshift, ifftshift, with NumPy 1.24's arguments (n=,
# axis=, axes=, s=, norm=), shapes and dtypes (complex128 results; irfft and hfft float64). Transforms of any length:
# a self-sorting (Stockham) mixed-radix FFT over the length's factors (radix 4, 2, 3 and 5 passes, other odd primes
# by their own small DFT), Bluestein's chirp-z transform through a power-of-two FFT where a prime factor is large.
# NumPy's pocketfft rounds differently: values agree to rounding.
import math

import numpy as np

# Prime factors above this are transformed by Bluestein's algorithm (their small DFT would cost factor**2 per point).
_LARGE_PRIME = 61


def _factors(n):
    # n's radices: 4s, a 2, then odd primes in increasing order.
    f = [0] * 0
    while n % 4 == 0:
        f.append(4)
        n = n // 4
    if n % 2 == 0:
        f.append(2)
        n = n // 2
    p = 3
    while p * p <= n:
        while n % p == 0:
            f.append(p)
            n = n // p
        p += 2
    if n > 1:
        f.append(n)
    return f


@unchecked
def _roots(n, sign):
    # exp(sign * 2 pi i k / n) for k in [0, n): the first eighth of the circle from its own angles (accurate to
    # rounding), the rest by the circle's symmetries (exact), as pocketfft makes its twiddles.
    w = np.empty(n, np.complex128)
    if n % 8 != 0:
        for k in range(n):
            angle = 2.0 * math.pi * k / n
            w[k] = complex(math.cos(angle), sign * math.sin(angle))
        return w
    eighth = n // 8
    for k in range(eighth + 1):
        angle = 2.0 * math.pi * k / n
        c = math.cos(angle)
        sn = math.sin(angle)
        w[k] = complex(c, sign * sn)
        if k > 0:
            w[2 * eighth - k] = complex(sn, sign * c)
    quarter = 2 * eighth
    for k in range(quarter):
        # exp(i (x + pi / 2)) = i exp(i x); the other half by exp(i (x + pi)) = -exp(i x)
        x = w[k]
        w[k + quarter] = complex(-sign * x.imag, sign * x.real)
    for k in range(2 * quarter):
        w[k + 2 * quarter] = -w[k]
    return w


def _line_roots(n, sign):
    # The roots _transform takes for lines of length n (none where Bluestein's algorithm transforms them).
    f = _factors(n)
    if n > 1 and f[len(f) - 1] > _LARGE_PRIME:
        return _roots(1, sign)
    return _roots(n, sign)


@unchecked
def _stage(a, b, r, m, s, big, roots):
    # One Stockham pass of radix r: for each of the m blocks and s interleaved sequences, r inputs a stride of
    # s * m apart, their DFT of size r, twiddled, written r apart into b.
    rs = big // r
    for p in range(m):
        for u in range(r):
            tw = roots[p * u * s]
            for q in range(s):
                if r == 2:
                    x0 = a[q + s * p]
                    x1 = a[q + s * (p + m)]
                    if u == 0:
                        b[q + s * (r * p)] = x0 + x1
                    else:
                        b[q + s * (r * p + 1)] = (x0 - x1) * tw
                else:
                    acc = a[q + s * p]
                    for j in range(1, r):
                        acc = acc + a[q + s * (p + j * m)] * roots[((j * u) % r) * rs]
                    b[q + s * (r * p + u)] = acc * tw


@unchecked
def _radix4(a, b, m, s, roots, sign):
    # A radix-4 pass: the DFT of four points by additions and one rotation by i, then the twiddles.
    for p in range(m):
        w1 = roots[p * s]
        w2 = roots[2 * p * s]
        w3 = roots[3 * p * s]
        for q in range(s):
            x0 = a[q + s * p]
            x1 = a[q + s * (p + m)]
            x2 = a[q + s * (p + 2 * m)]
            x3 = a[q + s * (p + 3 * m)]
            t0 = x0 + x2
            t1 = x0 - x2
            t2 = x1 + x3
            t3 = (x1 - x3) * complex(0.0, sign)
            base = q + s * (4 * p)
            b[base] = t0 + t2
            b[base + s] = (t1 + t3) * w1
            b[base + 2 * s] = (t0 - t2) * w2
            b[base + 3 * s] = (t1 - t3) * w3


@unchecked
def _radix3(a, b, m, s, roots, sign):
    # A radix-3 pass: y1, y2 = x0 - (x1 + x2) / 2 +- i sign sin(2 pi / 3) (x1 - x2), then the twiddles.
    h = sign * 0.8660254037844386
    for p in range(m):
        w1 = roots[p * s]
        w2 = roots[2 * p * s]
        for q in range(s):
            x0 = a[q + s * p]
            x1 = a[q + s * (p + m)]
            x2 = a[q + s * (p + 2 * m)]
            t1 = x1 + x2
            t2 = x0 - 0.5 * t1
            d = x1 - x2
            rot = complex(-h * d.imag, h * d.real)
            base = q + s * (3 * p)
            b[base] = x0 + t1
            b[base + s] = (t2 + rot) * w1
            b[base + 2 * s] = (t2 - rot) * w2


@unchecked
def _radix5(a, b, m, s, roots, sign):
    # A radix-5 pass: the pairs x1 +- x4 and x2 +- x3 combined with cos and sin of 2 pi / 5 and 4 pi / 5.
    c1 = 0.30901699437494745
    c2 = -0.8090169943749475
    s1 = sign * 0.9510565162951535
    s2 = sign * 0.5877852522924731
    for p in range(m):
        w1 = roots[p * s]
        w2 = roots[2 * p * s]
        w3 = roots[3 * p * s]
        w4 = roots[4 * p * s]
        for q in range(s):
            x0 = a[q + s * p]
            x1 = a[q + s * (p + m)]
            x2 = a[q + s * (p + 2 * m)]
            x3 = a[q + s * (p + 3 * m)]
            x4 = a[q + s * (p + 4 * m)]
            a1 = x1 + x4
            b1 = x1 - x4
            a2 = x2 + x3
            b2 = x2 - x3
            r1 = x0 + c1 * a1 + c2 * a2
            r2 = x0 + c2 * a1 + c1 * a2
            i1 = s1 * b1 + s2 * b2
            i2 = s2 * b1 - s1 * b2
            j1 = complex(-i1.imag, i1.real)
            j2 = complex(-i2.imag, i2.real)
            base = q + s * (5 * p)
            b[base] = x0 + a1 + a2
            b[base + s] = (r1 + j1) * w1
            b[base + 2 * s] = (r2 + j2) * w2
            b[base + 3 * s] = (r2 - j2) * w3
            b[base + 4 * s] = (r1 - j1) * w4


def _transform(x, sign, roots):
    # The unnormalised DFT of a 1-d complex128 array (a new array): sum_j x[j] exp(sign 2 pi i j k / n); roots:
    # _roots(n, sign), made once for all lines of a length.
    n = x.shape[0]
    if n <= 1:
        return x.copy()
    f = _factors(n)
    if f[len(f) - 1] > _LARGE_PRIME:
        return _bluestein(x, sign)
    a = x.copy()
    b = np.empty(n, np.complex128)
    m = n
    s = 1
    for r in f:
        m = m // r
        if r == 4:
            _radix4(a, b, m, s, roots, sign)
        elif r == 3:
            _radix3(a, b, m, s, roots, sign)
        elif r == 5:
            _radix5(a, b, m, s, roots, sign)
        else:
            _stage(a, b, r, m, s, n, roots)
        a, b = b, a
        s = s * r
    return a


def _bluestein(x, sign):
    # Bluestein: X[k] = w[k] sum_j (x[j] w[j]) conj(w[k - j]), w[t] = exp(sign pi i t^2 / n), a convolution done by
    # power-of-two FFTs.
    n = x.shape[0]
    size = 1
    while size < 2 * n - 1:
        size = size * 2
    w = np.empty(n, np.complex128)
    for t in range(n):
        angle = math.pi * ((t * t) % (2 * n)) / n
        w[t] = complex(math.cos(angle), sign * math.sin(angle))
    a = np.zeros(size, np.complex128)
    for t in range(n):
        a[t] = x[t] * w[t]
    c = np.zeros(size, np.complex128)
    c[0] = w[0].conjugate()
    for t in range(1, n):
        c[t] = w[t].conjugate()
        c[size - t] = w[t].conjugate()
    forward = _roots(size, -1)
    fa = _transform(a, -1, forward)
    fc = _transform(c, -1, forward)
    conv = _transform(fa * fc, 1, _roots(size, 1))
    out = np.empty(n, np.complex128)
    for k in range(n):
        out[k] = w[k] * conv[k] / size
    return out


def _scale(n, norm, forward):
    # The factor NumPy's norm= applies: backward (None) divides the inverse by n, ortho both by sqrt(n), forward
    # the forward transform by n.
    if norm is None or norm == "backward":
        if forward:
            return 1.0
        return 1.0 / n
    if norm == "ortho":
        return 1.0 / math.sqrt(n)
    if norm == "forward":
        if forward:
            return 1.0 / n
        return 1.0
    raise ValueError(f'Invalid norm value {norm}; should be "backward","ortho" or "forward".')


def _lines(a, axis, n):
    # a's lines along axis as the rows of a C-contiguous complex128 array, cut or zero-padded to n items, and the
    # swapped view's shape.
    if n < 1:
        raise ValueError(f"Invalid number of FFT data points ({n}) specified.")
    b = a.swapaxes(axis, -1)
    length = b.shape[b.ndim - 1]
    count = 1
    for k in range(b.ndim - 1):
        count *= b.shape[k]
    rows = np.zeros((count, n), np.complex128)
    flat = np.ascontiguousarray(b).reshape((count, length))
    take = min(n, length)
    rows[:, :take] = flat[:, :take]
    return rows, b.shape[:-1]


def _complex_fft(a, n, axis, norm, forward):
    x = np.asarray(a)
    if x.ndim == 0:
        raise IndexError("tuple index out of range")
    ax = _fft_axis(axis, x.ndim)
    size = x.shape[ax] if n is None else n
    rows, outer = _lines(x, ax, size)
    sign = -1 if forward else 1
    fct = _scale(size, norm, forward)
    roots = _line_roots(size, sign)
    for k in range(rows.shape[0]):
        r = _transform(rows[k], sign, roots)
        if fct != 1.0:
            r = r * fct
        rows[k] = r
    return rows.reshape(outer + (size,)).swapaxes(ax, -1)


def _fft_axis(axis, ndim):
    if axis < -ndim or axis >= ndim:
        raise np.AxisError(f"axis {axis} is out of bounds for array of dimension {ndim}")
    if axis < 0:
        return axis + ndim
    return axis


@overload("numpy.fft.fft")
def fft(a, n=None, axis=-1, norm=None):
    return _complex_fft(a, n, axis, norm, True)


@overload("numpy.fft.ifft")
def ifft(a, n=None, axis=-1, norm=None):
    return _complex_fft(a, n, axis, norm, False)


@overload("numpy.fft.rfft")
def rfft(a, n=None, axis=-1, norm=None):
    # The first n // 2 + 1 terms of the transform of real data.
    x = np.asarray(a)
    if x.dtype == np.complex128 or x.dtype == np.complex64:
        _sj_reject("np.fft.rfft() takes real data (NumPy discards the imaginary part with a warning)", a)
    full = _complex_fft(x, n, axis, norm, True)
    ax = _fft_axis(axis, x.ndim)
    size = full.shape[ax]
    return np.ascontiguousarray(full.swapaxes(ax, -1)[..., :size // 2 + 1]).swapaxes(ax, -1)


@overload("numpy.fft.irfft")
def irfft(a, n=None, axis=-1, norm=None):
    # The real inverse of rfft: the Hermitian spectrum of n points (imaginary parts of the zero and, for even n,
    # the middle terms ignored, as pocketfft ignores them), transformed back.
    x = np.asarray(a)
    ax = _fft_axis(axis, x.ndim)
    m = x.shape[ax]
    size = 2 * (m - 1) if n is None else n
    if size < 1:
        raise ValueError(f"Invalid number of FFT data points ({size}) specified.")
    half = size // 2 + 1
    rows, outer = _lines(x, ax, half)
    out = np.empty((rows.shape[0], size), np.float64)
    fct = _scale(size, norm, False)
    roots = _line_roots(size, 1)
    for k in range(rows.shape[0]):
        full = np.zeros(size, np.complex128)
        full[0] = rows[k, 0].real
        for j in range(1, half):
            full[j] = rows[k, j]
            if size - j != j:
                full[size - j] = rows[k, j].conjugate()
        if size % 2 == 0:
            full[size // 2] = rows[k, size // 2].real
        out[k] = _transform(full, 1, roots).real * fct
    return out.reshape(outer + (size,)).swapaxes(ax, -1)


def _axes_of(x, axes):
    # The axes of an n-d transform: all of them (None) or the tuple given.
    if axes is None:
        return _all_axes(x)
    return axes


def _all_axes(x):
    return _range_tuple((0,) * x.ndim, 0)


def _range_tuple(template, k):
    if len(template) == 0:
        return ()
    return (k,) + _range_tuple(template[1:], k + 1)


def _nd_axes(x, s, axes):
    # The axes of an n-d transform, checked against s (the lengths, or None).
    ax = _axes_of(x, axes)
    if s is not None and len(s) != len(ax):
        raise ValueError("Shape and axes have different lengths.")
    return ax


def _along(x, s, ax, i, norm, forward):
    # x transformed along axis ax[i] (to s[i] points where s is given), as a C-contiguous array.
    if s is None:
        return np.ascontiguousarray(_complex_fft(x, None, ax[i], norm, forward))
    return np.ascontiguousarray(_complex_fft(x, s[i], ax[i], norm, forward))


def _fftn(a, s, axes, norm, forward):
    # NumPy's _raw_fftnd: one 1-d transform per axis, the last axis first.
    x = np.asarray(a).astype(np.complex128)
    ax = _nd_axes(x, s, axes)
    for i in range(len(ax) - 1, -1, -1):
        x = _along(x, s, ax, i, norm, forward)
    return x


@overload("numpy.fft.fftn")
def fftn(a, s=None, axes=None, norm=None):
    return _fftn(a, s, axes, norm, True)


@overload("numpy.fft.ifftn")
def ifftn(a, s=None, axes=None, norm=None):
    return _fftn(a, s, axes, norm, False)


@overload("numpy.fft.fft2")
def fft2(a, s=None, axes=(-2, -1), norm=None):
    return _fftn(a, s, axes, norm, True)


@overload("numpy.fft.ifft2")
def ifft2(a, s=None, axes=(-2, -1), norm=None):
    return _fftn(a, s, axes, norm, False)


@overload("numpy.fft.rfftn")
def rfftn(a, s=None, axes=None, norm=None):
    # NumPy's: rfft along the last axis given, then fft along the others in order.
    x = np.asarray(a)
    ax = _nd_axes(x, s, axes)
    last = len(ax) - 1
    if s is None:
        out = np.ascontiguousarray(rfft(x, None, ax[last], norm))
    else:
        out = np.ascontiguousarray(rfft(x, s[last], ax[last], norm))
    for i in range(last):
        out = _along(out, s, ax, i, norm, True)
    return out


@overload("numpy.fft.irfftn")
def irfftn(a, s=None, axes=None, norm=None):
    # NumPy's: ifft along all axes given but the last, in order, then irfft along the last (of 2 * (m - 1) points
    # unless s says).
    x = np.asarray(a).astype(np.complex128)
    ax = _nd_axes(x, s, axes)
    last = len(ax) - 1
    for i in range(last):
        x = _along(x, s, ax, i, norm, False)
    if s is None:
        return irfft(x, (x.shape[ax[last]] - 1) * 2, ax[last], norm)
    return irfft(x, s[last], ax[last], norm)


@overload("numpy.fft.rfft2")
def rfft2(a, s=None, axes=(-2, -1), norm=None):
    return rfftn(a, s, axes, norm)


@overload("numpy.fft.irfft2")
def irfft2(a, s=None, axes=(-2, -1), norm=None):
    return irfftn(a, s, axes, norm)


def _swapped_norm(norm):
    # The norm of the opposite direction (NumPy's _swap_direction).
    if norm is None or norm == "backward":
        return "forward"
    if norm == "ortho":
        return "ortho"
    if norm == "forward":
        return "backward"
    raise ValueError(f'Invalid norm value {norm}; should be "backward","ortho" or "forward".')


@overload("numpy.fft.hfft")
def hfft(a, n=None, axis=-1, norm=None):
    # The transform of a Hermitian-symmetric signal given by its first half: NumPy's irfft of the conjugate with the
    # opposite norm.
    x = np.asarray(a).astype(np.complex128)
    ax = _fft_axis(axis, x.ndim)
    if n is None:
        return irfft(np.conjugate(x), (x.shape[ax] - 1) * 2, ax, _swapped_norm(norm))
    return irfft(np.conjugate(x), n, ax, _swapped_norm(norm))


@overload("numpy.fft.ihfft")
def ihfft(a, n=None, axis=-1, norm=None):
    return np.conjugate(rfft(a, n, axis, _swapped_norm(norm)))


@overload("numpy.fft.fftfreq")
def fftfreq(n, d=1.0):
    # NumPy's: [0, 1, ..., n/2 - 1, -n/2, ..., -1] / (d n) (the middle term negative for even n).
    val = 1.0 / (n * d)
    results = np.empty(n, np.int64)
    half = (n - 1) // 2 + 1
    for k in range(half):
        results[k] = k
    for k in range(half, n):
        results[k] = k - n
    return results * val


@overload("numpy.fft.rfftfreq")
def rfftfreq(n, d=1.0):
    val = 1.0 / (n * d)
    return np.arange(0, n // 2 + 1) * val


def _shifted(x, axes, forward):
    # np.roll of each axis by half its length (rounded down forward, up backward).
    ax = _axes_of(x, axes)
    if isinstance(ax, int):
        ax = (ax,)
    out = x
    for i in range(len(ax)):
        k = _fft_axis(ax[i], x.ndim)
        n = x.shape[k]
        shift = n // 2 if forward else -(n // 2)
        out = np.roll(out, shift, k)
    return out


@overload("numpy.fft.fftshift")
def fftshift(x, axes=None):
    return _shifted(np.asarray(x), axes, True)


@overload("numpy.fft.ifftshift")
def ifftshift(x, axes=None):
    return _shifted(np.asarray(x), axes, False)
