/* Calls the functions of kernels.py exported by `sharpjit export` (see the README). */
#include <stdio.h>
#include "kernels.h"

int main(void) {
    double d;
    if (walk(1000000, 42, &d) == 0) printf("walk: %.6f\n", d);
    report(1000, 7);
    if (safe_log(-1.0, &d) != 0) fputs(kernels_last_traceback(), stdout);
    return 0;
}
