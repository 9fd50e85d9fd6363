# Example: the Jovian planets n-body simulation (as in the benchmarks game), written with
# immutable tuples: each body is (x, y, z, vx, vy, vz, mass) and every step builds a new
# tuple of bodies.  Prints the total energy before and after the simulation.
import math

PI = 3.141592653589793
SOLAR_MASS = 4 * PI * PI
DAYS_PER_YEAR = 365.24
N = 5
STEPS = 1000
DT = 0.01

SUN = (0.0, 0.0, 0.0, 0.0, 0.0, 0.0, SOLAR_MASS)
JUPITER = (4.84143144246472090e+00, -1.16032004402742839e+00, -1.03622044471123109e-01,
           1.66007664274403694e-03 * DAYS_PER_YEAR, 7.69901118419740425e-03 * DAYS_PER_YEAR,
           -6.90460016972063023e-05 * DAYS_PER_YEAR, 9.54791938424326609e-04 * SOLAR_MASS)
SATURN = (8.34336671824457987e+00, 4.12479856412430479e+00, -4.03523417114321381e-01,
          -2.76742510726862411e-03 * DAYS_PER_YEAR, 4.99852801234917238e-03 * DAYS_PER_YEAR,
          2.30417297573763929e-05 * DAYS_PER_YEAR, 2.85885980666130812e-04 * SOLAR_MASS)
URANUS = (1.28943695621391310e+01, -1.51111514016986312e+01, -2.23307578892655734e-01,
          2.96460137564761618e-03 * DAYS_PER_YEAR, 2.37847173959480950e-03 * DAYS_PER_YEAR,
          -2.96589568540237556e-05 * DAYS_PER_YEAR, 4.36624404335156298e-05 * SOLAR_MASS)
NEPTUNE = (1.53796971148509165e+01, -2.59193146099879641e+01, 1.79258772950371181e-01,
           2.68067772490389322e-03 * DAYS_PER_YEAR, 1.62824170038242295e-03 * DAYS_PER_YEAR,
           -9.51592254519715870e-05 * DAYS_PER_YEAR, 5.15138902046611451e-05 * SOLAR_MASS)


def offset_momentum(bodies):
    px = 0.0
    py = 0.0
    pz = 0.0
    for b in bodies:
        px += b[3] * b[6]
        py += b[4] * b[6]
        pz += b[5] * b[6]
    x, y, z, vx, vy, vz, m = bodies[0]
    sun = (x, y, z, -px / SOLAR_MASS, -py / SOLAR_MASS, -pz / SOLAR_MASS, m)
    return (sun, bodies[1], bodies[2], bodies[3], bodies[4])


def energy(bodies):
    e = 0.0
    for i in range(N):
        x, y, z, vx, vy, vz, m = bodies[i]
        e += 0.5 * m * (vx * vx + vy * vy + vz * vz)
        for j in range(i + 1, N):
            dx = x - bodies[j][0]
            dy = y - bodies[j][1]
            dz = z - bodies[j][2]
            e -= m * bodies[j][6] / math.sqrt(dx * dx + dy * dy + dz * dz)
    return e


def step_body(bodies, i, dt):
    x, y, z, vx, vy, vz, m = bodies[i]
    for j in range(N):
        if j == i:
            continue
        xj, yj, zj, vxj, vyj, vzj, mj = bodies[j]
        dx = x - xj
        dy = y - yj
        dz = z - zj
        d2 = dx * dx + dy * dy + dz * dz
        mag = dt * mj / (d2 * math.sqrt(d2))
        vx -= dx * mag
        vy -= dy * mag
        vz -= dz * mag
    return (x + dt * vx, y + dt * vy, z + dt * vz, vx, vy, vz, m)


def advance(bodies, dt):
    return (step_body(bodies, 0, dt), step_body(bodies, 1, dt), step_body(bodies, 2, dt),
            step_body(bodies, 3, dt), step_body(bodies, 4, dt))


system = offset_momentum((SUN, JUPITER, SATURN, URANUS, NEPTUNE))
print(f"{energy(system):.9f}")
for step in range(STEPS):
    system = advance(system, DT)
print(f"{energy(system):.9f}")
print(f"after {STEPS} steps Jupiter is at ({system[1][0]:.6f}, {system[1][1]:.6f}, {system[1][2]:.6f})")
