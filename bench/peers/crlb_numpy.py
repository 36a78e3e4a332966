#!/usr/bin/env python3
"""numpy peer of the nested CRLB Monte Carlo (issue 11, case 4): N = 1..nmax, beta.

Straightforward vectorized script: normalized areas Gamma_k = cumsum of Exp(1), w_k = Gamma_k^(-beta/2),
uniform bearings, the FIM statistics W, S, C + iD for every N by cumsum, CRLB = tr F / det F
(F = 2(W A + S S^T), src/sensing/fim.ts), batches of trials.
Usage: crlb_numpy.py JSON with {"nmax", "beta", "trials", "seed"}; prints
{"seconds", "trials", "mean10", "sd10", "median2", "median3"} (time of the simulation only).
"""
import json
import sys
import time

import numpy as np


def main() -> None:
    a = json.loads(sys.argv[1])
    nmax, beta, trials, batch = a["nmax"], a["beta"], a["trials"], a.get("batch", 20000)
    rng = np.random.default_rng(a["seed"])
    s1 = s2 = 0.0
    c2s, c3s = [], []
    t0 = time.perf_counter()
    done = 0
    while done < trials:
        n = min(batch, trials - done)
        area = np.cumsum(rng.exponential(size=(n, nmax)), axis=1)
        w = area ** (-beta / 2)
        th = rng.uniform(0, 2 * np.pi, size=(n, nmax))
        W = np.cumsum(w, axis=1)
        sx = np.cumsum(w * np.cos(th), axis=1)
        sy = np.cumsum(w * np.sin(th), axis=1)
        c2 = np.cumsum(w * np.cos(2 * th), axis=1)
        d2 = np.cumsum(w * np.sin(2 * th), axis=1)
        axx, ayy, axy = (W + c2) / 2, (W - c2) / 2, d2 / 2
        fxx = 2 * (W * axx + sx * sx)
        fyy = 2 * (W * ayy + sy * sy)
        fxy = 2 * (W * axy + sx * sy)
        det = fxx * fyy - fxy * fxy
        with np.errstate(divide="ignore", invalid="ignore"):
            crlb = np.where(det > 0, (fxx + fyy) / det, np.inf)
        x = crlb[:, 9]
        s1 += x.sum()
        s2 += (x * x).sum()
        c2s.append(crlb[:, 1])
        c3s.append(crlb[:, 2])
        done += n
    med2 = float(np.median(np.concatenate(c2s)))
    med3 = float(np.median(np.concatenate(c3s)))
    seconds = time.perf_counter() - t0
    mean = s1 / trials
    sd = float(np.sqrt(max(s2 / trials - mean * mean, 0) * trials / (trials - 1)))
    print(json.dumps({"seconds": seconds, "trials": trials, "mean10": mean, "sd10": sd, "median2": med2, "median3": med3}))


if __name__ == "__main__":
    main()
