# Covers: int() of a float checked by one integer compare on x86's truncating conversion (which gives -2**63 for
# everything out of range), the error told apart on the cold path (where -2**63 itself converts): NaN is ValueError,
# infinities are OverflowError, in-range values (the int64 bounds included) convert by truncation.
def conv(x):
    try:
        return str(int(x))
    except ValueError as e:
        return "ValueError: " + str(e)
    except OverflowError as e:
        return "OverflowError: " + str(e)


for x in [1.5, -2.7, float("nan"), float("inf"), -float("inf"), 9.2e18, -9223372036854775808.0, 9223372036854774784.0, -9223372036854774784.0, 0.0, -0.0, 0.999, -0.999]:
    print(conv(x))
