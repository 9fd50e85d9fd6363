# blackscholes: European call and put prices for many options, whole-array, with the cumulative normal
# distribution by the Abramowitz-Stegun polynomial (no erf): np.log, np.sqrt, np.exp, np.abs, np.where.
# Measures: transcendental ufuncs and a long chain of elementwise temporaries.
# Needs: float64 arrays, np.log / np.sqrt / np.exp / np.abs / np.where, module-level float constants.
import numpy as np

A1 = 0.31938153
A2 = -0.356563782
A3 = 1.781477937
A4 = -1.821255978
A5 = 1.330274429
RSQRT2PI = 0.39894228040143267794


def kernel(price, strike, years, rate, volatility):
    sqrt_t = np.sqrt(years)
    d1 = (np.log(price / strike) + (rate + 0.5 * volatility * volatility) * years) / (volatility * sqrt_t)
    d2 = d1 - volatility * sqrt_t
    k1 = 1.0 / (1.0 + 0.2316419 * np.abs(d1))
    cnd1 = RSQRT2PI * np.exp(-0.5 * d1 * d1) * (k1 * (A1 + k1 * (A2 + k1 * (A3 + k1 * (A4 + k1 * A5)))))
    cnd1 = np.where(d1 > 0, 1.0 - cnd1, cnd1)
    k2 = 1.0 / (1.0 + 0.2316419 * np.abs(d2))
    cnd2 = RSQRT2PI * np.exp(-0.5 * d2 * d2) * (k2 * (A1 + k2 * (A2 + k2 * (A3 + k2 * (A4 + k2 * A5)))))
    cnd2 = np.where(d2 > 0, 1.0 - cnd2, cnd2)
    discount = np.exp(-rate * years)
    call = price * cnd1 - strike * discount * cnd2
    put = strike * discount * (1.0 - cnd2) - price * (1.0 - cnd1)
    return call, put


def setup():
    rng = np.random.default_rng(0)
    n = 200_000
    return rng.uniform(5.0, 30.0, n), rng.uniform(1.0, 100.0, n), rng.uniform(0.25, 10.0, n), 0.02, 0.30

# --- sanity ---
call, put = kernel(*setup())
print(f"{call.sum():.9e} {put.sum():.9e}")
