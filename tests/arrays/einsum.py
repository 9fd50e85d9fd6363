# Covers: np.einsum with constant subscripts: explicit ('ij,jk->ik') and implicit ('ij,jk', 'ji', 'ii') outputs,
# diagonals and traces (a label repeated in one operand), outer products, transposes, sums over all or some axes,
# batched products, views for one operand with nothing summed (a transpose, a diagonal), '...' broadcast axes (also of different ranks), axes of length 1 broadcast, int, float32/int32
# promotion, complex and bool operands, optimize= accepted; NumPy's errors for axes that do not broadcast (its
# remapped shapes) and for a diagonal of unequal axes. Sums that NumPy's einsum adds with its unrolled vector
# kernels (a whole contiguous line into one number) agree to rounding, so they are printed to 9 decimals; the rest
# are NumPy's bits.
import numpy as np


def main():
    a = np.arange(12.0).reshape(3, 4) / 7
    b = np.arange(20.0).reshape(4, 5) / 3
    v = np.arange(4.0) - 1.5
    print(np.einsum('ij,jk->ik', a, b))
    print(np.einsum('ij,jk', a, b))
    print(np.einsum('ij->ji', a))
    print(np.einsum('ij', a))
    print(np.einsum('ji', a))
    print(np.einsum('ii', a[:, :3]), np.einsum('ii->i', a[:, :3]))
    print(np.einsum('ij,j->i', a, v), np.einsum('i,i', v, v), np.einsum('i,i->', v, v))
    print(np.einsum('i,j->ij', v, v[:3]))
    print(np.round(np.einsum('ij->', a), 9), np.einsum('ij->j', a))
    c = np.arange(24.0).reshape(2, 3, 4)
    print(np.einsum('bij,bjk->bik', c, np.arange(40.0).reshape(2, 4, 5)))
    print(np.einsum('...ij,...jk->...ik', c, np.arange(40.0).reshape(2, 4, 5)))
    print(np.einsum('...j,j', c, v))
    print(np.einsum('...ij,jk', c, b))
    print(np.einsum('ijk->kji', c).shape, np.einsum('ijk->kji', c)[3, 2, 1])
    print(np.round(np.einsum('ij,ij->i', a, a), 9))
    print(np.einsum('i,i', np.arange(5), np.arange(5)), np.einsum('ij,jk', np.arange(6).reshape(2, 3), np.arange(6).reshape(3, 2)))
    print(np.einsum('i,i', np.arange(3, dtype=np.int32), np.arange(3, dtype=np.float32)))
    print(np.einsum('ij,jk->ik', a.T, a, optimize=True))
    print(np.einsum('ij,ij->ij', np.ones((3, 1)), a[:, :3].T))
    z = a + 1j * a
    print(np.einsum('ij,kj->ik', z, z.conj()))
    print(np.einsum('ij->j', a > 0.5), np.einsum('i,i->i', v > 0, v < 1))
    print(np.einsum('Ab,bA->A', a, a.T))
    # One operand and nothing summed: a view, as in NumPy (writes seen in the original).
    w = np.arange(9.0).reshape(3, 3)
    d = np.einsum('ii->i', w)
    d[1] = -5.0
    t = np.einsum('ij->ji', w)
    t[0, 2] = 100.0
    print(w, d, t.flags.c_contiguous, t.flags.f_contiguous)
    try:
        np.einsum('ij,jk->ik', a, a)
    except ValueError as e:
        print("ValueError", e)
    try:
        np.einsum('ij,j->i', a, np.ones(5))
    except ValueError as e:
        print("ValueError", e)
    try:
        np.einsum('ii', a)
    except ValueError as e:
        print("ValueError", e)


main()
