# Covers: f-strings mixing several expressions, arithmetic inside braces, specs applied to expressions, tuples and bools.
w = 7
h = 3
print(f"{w} x {h} = {w * h}")
print(f"{w / h:.4f} {w // h} {w % h} {w ** h}")
print(f"{w:>3}|{h:<3}|{w * h:^5}|")
print(f"area={w * h:,d} ratio={w / h:.2%}")
print(f"{w > h} {w == h} {not w}")
print(f"{(w, h)} {divmod(w, h)}")
print(f"{-w:+d} {w:+d} {0:+d}")
print(f"{3.0:.0f} {2.5:.1f} {-2.5:.0f} {0.05:.1f}")
print(f"{1e-10:.3g} {123456:.2g} {0.0001:g} {1e16:g}")
print(f"{12.0:g} {12.5:g} {1e6:g} {1e5:g}")
print(f"{0.000123456:.3e} {-1e100:.1e} {5e-324:.2e}")
print(f"{1.0:.17g} {0.1:.17f} {0.1:.20f}")
print(f"{1 / 3:.50f}")
print(f"{2 ** 62:e} {9223372036854775807:.3e}")
for i in range(1, 4):
    print(f"row {i}: {i * 1.5:6.2f} {i ** 10:12d}")
name_id = 3
print(f"id#{name_id:03d} total={name_id * 1.25:.3f}")
