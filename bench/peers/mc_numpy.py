#!/usr/bin/env python3
"""numpy peer of the CoMP rate Monte Carlo (bench/mc.bench.ts, issue 11).

A straightforward vectorized script as a researcher would write it: BS distances in u = pi*lambda_b*r^2
from cumulative exponentials (u_1 is the nearest BS), BSs simulated explicitly inside u <= U plus the
mean far field U^(1 - alpha/2)/(alpha/2 - 1), vectorized over trials (batches), paper's gains:
desired Gamma(M_t - 1, p^c), interference Exp(1); BS 1 serves, BS k in 2..L serves iff a_k < kappa_c(L)
(one acceptance uniform per BS). The geometry and gains of a batch are reused for every L (the same
common-random-numbers design as comm.rateCurve, so the peer is not penalized for re-drawing).

Usage: mc_numpy.py JSON  with JSON = {"Ls": [...], "kappaC": [...], "pc", "alpha", "mt", "discBs",
"trials", "seed"}; prints {"seconds", "trials", "mean": [...], "sd": [...]} (time of the simulation only).
"""
import json
import sys
import time

import numpy as np


def main() -> None:
    a = json.loads(sys.argv[1])
    Ls = np.array(a["Ls"], dtype=int)
    kc = np.array(a["kappaC"], dtype=float)
    pc, alpha, mt, U = a["pc"], a["alpha"], a["mt"], a["discBs"]
    trials, batch = a["trials"], a.get("batch", 20000)
    rng = np.random.default_rng(a["seed"])
    kmax = int(np.ceil(U + 8 * np.sqrt(U) + 10))  # P(Poisson(U) > kmax) negligible
    lmax = int(Ls.max())
    tail = U ** (1 - alpha / 2) / (alpha / 2 - 1)
    s1 = np.zeros(len(Ls))
    s2 = np.zeros(len(Ls))
    t0 = time.perf_counter()
    done = 0
    while done < trials:
        n = min(batch, trials - done)
        u = np.cumsum(rng.exponential(size=(n, kmax)), axis=1)
        pg = np.where(u <= U, u ** (-alpha / 2), 0.0)
        interf = rng.exponential(size=(n, kmax)) * pg
        desired = rng.gamma(mt - 1, pc, size=(n, lmax)) * pg[:, :lmax]
        acc = rng.random(size=(n, lmax))
        total = interf[:, 1:].sum(axis=1)
        for j, (L, k) in enumerate(zip(Ls, kc)):
            serve = acc[:, 1:L] < k
            signal = desired[:, 0] + (desired[:, 1:L] * serve).sum(axis=1)
            interference = total - (interf[:, 1:L] * serve).sum(axis=1) + tail
            r = np.log1p(signal / interference)
            s1[j] += r.sum()
            s2[j] += (r * r).sum()
        done += n
    seconds = time.perf_counter() - t0
    mean = s1 / trials
    sd = np.sqrt(np.maximum(s2 / trials - mean * mean, 0) * trials / (trials - 1))
    print(json.dumps({"seconds": seconds, "trials": trials, "mean": mean.tolist(), "sd": sd.tolist()}))


if __name__ == "__main__":
    main()
