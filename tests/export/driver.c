/* The exported side of the export test: the same calls as driver.py. */
#include <stdio.h>
#include <string.h>
#include "kernels.h"

static void err(void) { printf("error: %s\n", kernels_last_error()); }

int main(void) {
    double d; int64_t k; bool b; int32_t n;
    if (series(0.5, 100, &d) == 0) printf("%.17g\n", d);
    if (series(0.5, -1, &d) != 0) err();
    if (fib(25, &k) == 0) printf("%ld\n", (long)k);
    if (collatz(27, &k) == 0) printf("%ld\n", (long)k);
    fflush(stdout);
    if (describe(3.14159, 1234567, &k) == 0) printf("%ld\n", (long)k);
    if (describe(-2.5, 65, &k) == 0) printf("%ld\n", (long)k);
    if (checked_div(1, 0, &k) != 0) err();
    if (checked_div(-7, 2, &k) == 0) printf("%ld\n", (long)k);
    bool b2;
    flag(0.5, 0.0, 1.0, &b); flag(2.0, 0.0, 1.0, &b2);
    printf("%d %d\n", (int)b, (int)b2);
    if (narrow(100, 3, &n) == 0) printf("%d\n", (int)n);
    nothing(3);
    if (nothing(11) != 0) err();
    fflush(stdout);
    if (guarded(7, 0, &k) == 0) printf("%ld\n", (long)k);
    fflush(stdout);
    if (guarded(7, 2, &k) == 0) printf("%ld\n", (long)k);
    fflush(stdout);
    if (guarded(1000, 3, &k) != 0) err();
    if (fib(5000, &k) != 0) {   /* the recursion guard's recorded call sites become traceback frames */
        char type[64];   /* copied: the next call reuses the text's buffer */
        const char *e = kernels_last_error();
        snprintf(type, sizeof type, "%.*s", (int)strcspn(e, ":"), e);
        const char *t = kernels_last_traceback();
        printf("error: %s, traceback through fib: %d\n", type, t != NULL && strstr(t, "fib") != NULL);
    }
    return 0;
}
