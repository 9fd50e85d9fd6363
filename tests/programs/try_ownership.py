# Strings and arrays made before, inside and after try bodies, with exceptions caught at every point:
# the test harness checks that every allocation is freed.
import numpy as np


def risky(i):
    if i % 4 == 1:
        raise ValueError(f"odd {i}")
    if i % 4 == 3:
        raise IndexError("three")
    return f"ok {i}"


def collect(n):
    log = "start"
    for i in range(n):
        tag = f"[{i}]"
        try:
            msg = risky(i)
            log = log + tag + msg
        except ValueError as e:
            log = log + tag + "V:" + str(e)
        except IndexError:
            log = log + tag + "I"
            continue
        finally:
            log = log + ";"
    return log


def arrays(n):
    total = 0.0
    for i in range(n):
        a = np.ones(i + 1) * i
        try:
            b = a * 2.0
            if i % 2 == 0:
                raise ValueError("even")
            total += b.sum()
        except ValueError:
            total += a.sum()
    return total


def nested_strings(k):
    outer = f"outer{k}"
    try:
        inner = outer + "-in"
        try:
            deeper = inner + "-deeper"
            if k > 0:
                raise KeyError(deeper)
            return deeper
        finally:
            print("inner finally", inner)
    except KeyError as e:
        return f"caught {e} with {outer}"


def escape(k):
    s = f"value {k}"
    try:
        if k:
            raise RuntimeError(s)
    finally:
        print("leaving", s)
    return s


print(collect(8))
print(arrays(6))
print(nested_strings(0))
print(nested_strings(2))
print(escape(0))
try:
    escape(1)
except RuntimeError as err:
    print("module caught", err)
