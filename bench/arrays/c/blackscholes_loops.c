// blackscholes_loops: the plain C loop of blackscholes_loops.py.
#include <math.h>
#include <stdint.h>

#define A1 0.31938153
#define A2 -0.356563782
#define A3 1.781477937
#define A4 -1.821255978
#define A5 1.330274429
#define RSQRT2PI 0.39894228040143267794

void kernel(const double *price, const double *strike, const double *years, int64_t n,
            double rate, double volatility, double *call, double *put) {
    for (int64_t i = 0; i < n; i++) {
        double sqrt_t = sqrt(years[i]);
        double d1 = (log(price[i] / strike[i]) + (rate + 0.5 * volatility * volatility) * years[i]) / (volatility * sqrt_t);
        double d2 = d1 - volatility * sqrt_t;
        double k1 = 1.0 / (1.0 + 0.2316419 * fabs(d1));
        double cnd1 = RSQRT2PI * exp(-0.5 * d1 * d1) * (k1 * (A1 + k1 * (A2 + k1 * (A3 + k1 * (A4 + k1 * A5)))));
        if (d1 > 0) cnd1 = 1.0 - cnd1;
        double k2 = 1.0 / (1.0 + 0.2316419 * fabs(d2));
        double cnd2 = RSQRT2PI * exp(-0.5 * d2 * d2) * (k2 * (A1 + k2 * (A2 + k2 * (A3 + k2 * (A4 + k2 * A5)))));
        if (d2 > 0) cnd2 = 1.0 - cnd2;
        double discount = exp(-rate * years[i]);
        call[i] = price[i] * cnd1 - strike[i] * discount * cnd2;
        put[i] = strike[i] * discount * (1.0 - cnd2) - price[i] * (1.0 - cnd1);
    }
}
