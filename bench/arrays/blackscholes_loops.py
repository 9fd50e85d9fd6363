# blackscholes_loops: European call and put prices, one option per loop iteration with math.log / sqrt / exp and
# the Abramowitz-Stegun cumulative normal written out twice (no erf).
# Measures: scalar transcendental calls inside an element loop writing two output arrays.
# Needs: float64 arrays, np.empty_like, a[i] reads and writes, math.log / math.sqrt / math.exp, module constants.
import math
import numpy as np

A1 = 0.31938153
A2 = -0.356563782
A3 = 1.781477937
A4 = -1.821255978
A5 = 1.330274429
RSQRT2PI = 0.39894228040143267794


def kernel(price, strike, years, rate, volatility):
    call = np.empty_like(price)
    put = np.empty_like(price)
    for i in range(len(price)):
        sqrt_t = math.sqrt(years[i])
        d1 = (math.log(price[i] / strike[i]) + (rate + 0.5 * volatility * volatility) * years[i]) / (volatility * sqrt_t)
        d2 = d1 - volatility * sqrt_t
        k1 = 1.0 / (1.0 + 0.2316419 * abs(d1))
        cnd1 = RSQRT2PI * math.exp(-0.5 * d1 * d1) * (k1 * (A1 + k1 * (A2 + k1 * (A3 + k1 * (A4 + k1 * A5)))))
        if d1 > 0:
            cnd1 = 1.0 - cnd1
        k2 = 1.0 / (1.0 + 0.2316419 * abs(d2))
        cnd2 = RSQRT2PI * math.exp(-0.5 * d2 * d2) * (k2 * (A1 + k2 * (A2 + k2 * (A3 + k2 * (A4 + k2 * A5)))))
        if d2 > 0:
            cnd2 = 1.0 - cnd2
        discount = math.exp(-rate * years[i])
        call[i] = price[i] * cnd1 - strike[i] * discount * cnd2
        put[i] = strike[i] * discount * (1.0 - cnd2) - price[i] * (1.0 - cnd1)
    return call, put


def setup():
    rng = np.random.default_rng(0)
    n = 20_000
    return rng.uniform(5.0, 30.0, n), rng.uniform(1.0, 100.0, n), rng.uniform(0.25, 10.0, n), 0.02, 0.30

# --- sanity ---
call, put = kernel(*setup())
print(f"{call.sum():.9e} {put.sum():.9e}")
