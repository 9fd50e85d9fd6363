/* The C side of the array export test: arrays described as NumPy describes them (arrays.h), printed as
   arrays_driver.py prints CPython's results. */
#include <stdio.h>
#include "arrays.h"

static void show(const double *a, int n)
{
    for (int k = 0; k < n; k++) printf(k ? " %.17g" : "%.17g", a[k]);
    printf("\n");
}

static void err(void) { printf("error: %s\n", arrays_last_error()); arrays_clear_error(); }

int main(void)
{
    double x[4] = {1, 2, 3, 4}, y[4] = {10, 20, 30, 40}, m[6] = {1, 2, 3, 4, 5, 6}, v[2] = {0.5, 3}, v3[3] = {1, 2, 3}, r;
    sj_array_float64_1d X = {x, {4}, {8}}, Y = {y, {4}, {8}}, V = {v, {2}, {8}}, V3 = {v3, {3}, {8}}, XS = {x, {2}, {16}};
    sj_array_float64_2d M = {m, {2, 3}, {24, 8}}, MT = {m, {3, 2}, {8, 24}}, MS = {m, {2, 2}, {24, 16}};
    if (saxpy(2.5, &X, &Y)) err(); show(y, 4);
    if (total(&MT, &r)) err(); printf("%.17g\n", r);
    if (total(&MS, &r)) err(); printf("%.17g\n", r);
    if (scale_rows(&M, &V, &r)) err(); printf("%.17g\n", r); show(m, 6);
    if (norm(&XS, &r)) err(); printf("%.17g\n", r);
    double f[6] = {1.5, 4.0, -2.0, 5.5, 3.25, -6.0}, out[3] = {0, 0, 0};   /* Fortran order: columns one after another */
    sj_array_float64_2d F = {f, {2, 3}, {8, 16}};
    sj_array_float64_1d OUT = {out, {3}, {8}};
    if (column_sums(&F, &OUT, &r)) err(); printf("%.17g\n", r); show(out, 3);
    int32_t ints[5] = {3, -1, 7, 12, 5};
    sj_array_int32_1d I = {ints, {5}, {4}};
    int64_t count;
    if (count_above(&I, 4, &count)) err(); printf("%ld\n", (long)count);
    sj_result_float64_1d d, t;
    if (doubled(&X, &d)) err(); show(d.data, (int)d.shape[0]);
    if (tail(&X, &t)) err(); t.data[0] = -1.0; show(x, 4);
    arrays_release(d.owner);
    arrays_release(t.owner);   /* a view of x: no owner */
    double ga[2] = {1, 2}, gb[3] = {0.5, 0.25, 4};
    sj_array_float64_1d GA = {ga, {2}, {8}}, GB = {gb, {3}, {8}};
    sj_result_float64_2d g;
    if (grid(&GA, &GB, &g)) err(); printf("(%ld, %ld)\n", (long)g.shape[0], (long)g.shape[1]); show(g.data, 6);
    arrays_release(g.owner);
    if (at(&X, 7, &r)) err();
    if (scale_rows(&M, &V3, &r)) err();
    return 0;
}
