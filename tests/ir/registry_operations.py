def f(z, x, k):
    m = z.conjugate if k > 0 else z.conjugate
    return m(), x ** -2, 2 ** -1, divmod(k, 3), z.real


print(f(1 + 2j, 2.0, 5))
