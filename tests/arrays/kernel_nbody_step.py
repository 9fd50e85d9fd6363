# Covers: an n-body leapfrog step with broadcasting (forces from pairwise differences), sums over an axis; printed rounded (float sums reassociate)
import numpy as np


def accelerations(pos, mass):
    d = pos[None, :, :] - pos[:, None, :]
    r2 = (d * d).sum(axis=2) + 0.01
    inv = mass[None, :] / (r2 * np.sqrt(r2))
    return (d * inv[:, :, None]).sum(axis=1)


def step(pos, vel, mass, dt):
    vel += 0.5 * dt * accelerations(pos, mass)
    pos += dt * vel
    vel += 0.5 * dt * accelerations(pos, mass)


def energy(pos, vel, mass):
    kinetic = 0.5 * (mass * (vel * vel).sum(axis=1)).sum()
    return kinetic


pos = np.array(((0.0, 0.0), (1.0, 0.0), (0.0, 1.0), (-1.0, -1.0)))
vel = np.zeros((4, 2))
mass = np.array((1.0, 0.5, 0.5, 0.25))
for i in range(5):
    step(pos, vel, mass, 0.01)
    print(i, round(float(energy(pos, vel, mass)), 9), round(float(pos[1, 0]), 9), round(float(vel[3, 1]), 9))
