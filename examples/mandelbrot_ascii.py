# Example: prints an ASCII-art Mandelbrot set (escape-time shading with a few characters).
WIDTH = 72
HEIGHT = 28
MAX_ITER = 60
X_MIN = -2.2
X_MAX = 0.8
Y_MIN = -1.2
Y_MAX = 1.2


def escape_time(cr, ci):
    zr = 0.0
    zi = 0.0
    for k in range(MAX_ITER):
        zr2 = zr * zr
        zi2 = zi * zi
        if zr2 + zi2 > 4.0:
            return k
        zi = 2.0 * zr * zi + ci
        zr = zr2 - zi2 + cr
    return MAX_ITER


def shade(k):
    if k >= MAX_ITER:
        print("@", end="")
    elif k > 20:
        print("%", end="")
    elif k > 10:
        print("*", end="")
    elif k > 6:
        print("+", end="")
    elif k > 4:
        print("-", end="")
    elif k > 2:
        print(".", end="")
    else:
        print(" ", end="")


inside = 0
for row in range(HEIGHT):
    ci = Y_MAX - (Y_MAX - Y_MIN) * row / (HEIGHT - 1)
    for col in range(WIDTH):
        cr = X_MIN + (X_MAX - X_MIN) * col / (WIDTH - 1)
        k = escape_time(cr, ci)
        if k >= MAX_ITER:
            inside += 1
        shade(k)
    print()
area = (X_MAX - X_MIN) * (Y_MAX - Y_MIN) * inside / (WIDTH * HEIGHT)
print(f"{inside} of {WIDTH * HEIGHT} cells inside; estimated area {area:.3f}")
