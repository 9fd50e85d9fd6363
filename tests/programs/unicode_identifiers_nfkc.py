# Identifiers are NFKC-normalised as CPython does (PEP 3131): the ligature ﬁ is the name fi.
ﬁ = 10
ℌx = 2.5


def scåle(v):
    return v * Hx


print(fi, scåle(fi))
