# Covers: unary -, +, ~, not on int/float/complex/bool, stacked unary operators and precedence with **.
a = 5
f = 2.5
c = 1 - 1j
print(-a, +a, ~a, not a)
print(-f, +f, not f)
print(-c, +c, not c)
print(-True, +True, ~True, not True, ~False)
print(--a, -+a, ~~a, not not a, -~a, ~-a)
print(-(-f), -(-(-f)))
print(-2 ** 2, (-2) ** 2, -2 ** -1.0, 2 ** -2.0)
print(~0, ~1, ~-1, ~9223372036854775806)
print(-0, -0.0, +(-0.0), -(0.0))
print(not 0, not 0.0, not 0j, not (), not -1)
z = 0
z = -z
print(z)
w = 1.0
w = -w * 0
print(w)
print(not a == 5, not a > 10, -a < 0)
print(-a ** 2, (-a) ** 2, -(a ** 2))
print(- - - 3)
