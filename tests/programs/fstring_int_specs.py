# Covers: f-string int presentation types: x, X, o, b, #-prefixed forms, c-less numeric specs, negative values.
for v in (0, 1, 7, 10, 255, 4096, -255, 9223372036854775807):
    print(f"{v:x} {v:X} {v:o} {v:b}")
print(f"{255:#x} {255:#X} {8:#o} {5:#b}")
print(f"{255:08b}")
print(f"{255:#010x}")
print(f"{-42:#x}")
print(f"{65535:_x}")
print(f"{1048575:_b}")
print(f"{3:>4b}|{3:<4b}|")
print(f"{True:d} {False:d}")
print(f"{7:3d}{8:3d}{9:3d}")
i = 1
while i <= 1000:
    print(f"{i:>6d}{i * i:>10d}{i:>5x}")
    i *= 10
v = 0xC0FFEE
print(f"{v:x} {v:#X} {v:,} {v:_x} {v:o}")
print(f"{-1:b} {-8:o} {-255:X}")
for s in (4, 8, 12):
    print(f"{(1 << s) - 1:>16b}")
print(f"{255:>+6d}|{255:<+6d}|{-3:^7d}|")
