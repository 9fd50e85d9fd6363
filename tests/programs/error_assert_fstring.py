# Covers: failing assert whose message is an f-string ("AssertionError: value 7 out of range [0, 5)").
LO = 0
HI = 5

def check(v):
    assert LO <= v < HI, f"value {v} out of range [{LO}, {HI})"
    print("ok", v)

check(0)
check(4)
check(7)
