# Covers: an element loop whose body checks values in a row (float division by zero, math.sqrt/log/exp domain and range errors; merged into one branch by the compiler) writes the elements before the first failing check and raises that check's error, with loads of several arrays between the checks
import math
import numpy as np


def prices(spot, strike, years, rate, vol, call, put):
    for i in range(len(spot)):
        # Python floats: CPython divides NumPy's float64 scalars by zero with a warning, Python's raise.
        t = float(years[i])
        sqrt_t = math.sqrt(t)
        k = float(strike[i])
        d1 = (math.log(float(spot[i]) / k) + (rate + 0.5 * vol * vol) * t) / (vol * sqrt_t)
        d2 = d1 - vol * sqrt_t
        k1 = 1.0 / (1.0 + 0.2316419 * abs(d1))
        k2 = 1.0 / (1.0 + 0.2316419 * abs(d2))
        discount = math.exp(-rate * t)
        call[i] = float(spot[i]) * math.exp(-0.5 * d1 * d1) * k1 - k * discount * k2
        put[i] = k * discount * (1.0 - k2) - float(spot[i]) * (1.0 - k1) / t


def attempt(label, spot, strike, years, rate=0.02):
    call = np.zeros(len(spot))
    put = np.zeros(len(spot))
    try:
        prices(spot, strike, years, rate, 0.3, call, put)
        print(label, "ok")
    except ZeroDivisionError as e:
        print(label, "ZeroDivisionError:", e)
    except ValueError as e:
        print(label, "ValueError:", e)
    except OverflowError as e:
        print(label, "OverflowError:", e)
    print(np.round(call, 9), np.round(put, 9))


def with_value(a, i, v):
    b = a.copy()
    b[i] = v
    return b


spot = np.linspace(5.0, 30.0, 6)
strike = np.linspace(20.0, 10.0, 6)
years = np.linspace(0.5, 3.0, 6)
attempt("all pass", spot, strike, years)
attempt("strike zero", spot, with_value(strike, 3, 0.0), years)
attempt("years negative", spot, strike, with_value(years, 3, -1.0))
attempt("years zero", spot, strike, with_value(years, 3, 0.0))
attempt("spot negative", with_value(spot, 3, -2.0), strike, years)
attempt("spot zero", with_value(spot, 3, 0.0), strike, years)
attempt("exp overflow", spot, strike, years, rate=-400.0)
attempt("years negative before strike zero", spot, with_value(strike, 4, 0.0), with_value(years, 4, -1.0))
attempt("strike zero before spot negative", with_value(spot, 2, -1.0), with_value(strike, 2, 0.0), years)
attempt("earlier element wins", with_value(spot, 4, -1.0), with_value(strike, 1, 0.0), years)
attempt("nan inputs", with_value(spot, 2, np.nan), strike, with_value(years, 4, np.nan))
attempt("infinite years", spot, strike, with_value(years, 5, np.inf))
