# Covers: integer literal forms (hex, octal, binary, underscores), float literal forms (exponents, leading/trailing dot), imaginary literals.
print(0x10, 0XfF, 0o17, 0O777, 0b101, 0B1111_0000)
print(1_000_000, 0x_FF_FF, 1_0.5_0)
print(1., .5, 1.e3, .5e-2, 1E5, 2e0)
print(0.0, 00, 0_0)
print(1j, 2.5j, 1e3j, 0j, 10_0j)
print(0x7FFFFFFFFFFFFFFF, -0x7FFFFFFFFFFFFFFF - 1)
print(0b1111111111111111111111111111111111111111111111111111111111111)
print(1e-0, 1e+2, 1.5E-3)
print(0xdead_beef, 0o1_2_3)
mask = 0xFF
flags = 0b1010_1010
perm = 0o755
print(mask & flags, perm >> 6, perm & 0o7, perm == 493)
print(1e3 == 1000, 0x10 == 16 == 0o20 == 0b10000)
print(3.14_15, 1_2e-1_0, 6.02e+2_3)
big = 0xFFFF_FFFF
print(big, big + 1, big * 0x7FFF_FFFF)
tiny = 1e-3_0_0
print(tiny, 0.1e1, 10e-1)
