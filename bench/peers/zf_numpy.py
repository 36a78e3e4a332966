#!/usr/bin/env python3
"""numpy peer of the ZF-gain CoMP rate Monte Carlo (bench/mcZf.bench.ts, issue 11 case 3).

A plain (no control variate) zero-forcing Monte Carlo as a researcher would write it, vectorized
over trials (batches) and BSs:
- BS distances in u = pi*lambda_b*r^2 from cumulative exponentials (u_1 the nearest BS), BSs
  simulated explicitly inside u <= U plus the mean far field U^(1 - alpha/2)/(alpha/2 - 1);
- complex Gaussian channels CN(0, I_Mt): the typical user's channel g_k from every BS, and each BS's
  own user's channel h_k; target bearings theta_k ~ U[0, 2pi), steering row a^H = [e^{j pi m cos theta}];
- ZF beams by the 2 x M_t pseudo-inverse W = H^H (H H^H)^{-1} per BS (H = [h^H; a^H]), columns
  normalized to unit norm;
- desired gain (BS serves the typical user, H = [g^H; a^H]): p^c |g^H w^c|^2; interference gain
  (BS serves its own user): p^c |g^H w^c|^2 + p^s |g^H w^s|^2;
- BS 1 serves, BS k in 2..L serves iff a_k < kappa_c(L) (one acceptance uniform per BS); the
  geometry, channels and coins of a batch are reused for every L (common random numbers, as the
  isacnet kernel does, so the peer is not penalized for re-drawing).

Usage: zf_numpy.py JSON with JSON = {"Ls": [...], "kappaC": [...], "pc", "alpha", "mt", "discBs",
"trials", "seed"}; prints {"seconds", "trials", "mean": [...], "sd": [...]} (simulation time only).
"""
import json
import sys
import time

import numpy as np


def zf_beams(H):
    """Normalized ZF beams for a stack of 2 x M rows H (..., 2, M): columns of H^H (H H^H)^{-1}."""
    Hh = np.conj(np.swapaxes(H, -1, -2))
    W = Hh @ np.linalg.inv(H @ Hh)
    return W / np.linalg.norm(W, axis=-2, keepdims=True)


def main() -> None:
    a = json.loads(sys.argv[1])
    Ls = np.array(a["Ls"], dtype=int)
    kc = np.array(a["kappaC"], dtype=float)
    pc, alpha, M, U = a["pc"], a["alpha"], a["mt"], a["discBs"]
    trials, batch = a["trials"], a.get("batch", 1000)
    rng = np.random.default_rng(a["seed"])
    kmax = int(np.ceil(U + 8 * np.sqrt(U) + 10))  # P(Poisson(U) > kmax) negligible
    lmax = int(Ls.max())
    tail = U ** (1 - alpha / 2) / (alpha / 2 - 1)
    m = np.arange(M)
    s1 = np.zeros(len(Ls))
    s2 = np.zeros(len(Ls))
    t0 = time.perf_counter()
    done = 0
    while done < trials:
        n = min(batch, trials - done)
        u = np.cumsum(rng.exponential(size=(n, kmax)), axis=1)
        pg = np.where(u <= U, u ** (-alpha / 2), 0.0)

        def cn(*shape):
            return (rng.standard_normal(shape) + 1j * rng.standard_normal(shape)) / np.sqrt(2)

        g = cn(n, kmax, M)  # typical user's channel from each BS
        h = cn(n, kmax, M)  # each BS's own user's channel
        theta = rng.uniform(0, 2 * np.pi, size=(n, kmax))
        a_row = np.exp(1j * np.pi * m * np.cos(theta)[..., None])  # a^H entries
        # interference: beams serve the BS's own user and its target
        W = zf_beams(np.stack([np.conj(h), a_row], axis=-2))
        gw = np.einsum("nkm,nkmj->nkj", np.conj(g), W)
        interf = (pc * np.abs(gw[..., 0]) ** 2 + (1 - pc) * np.abs(gw[..., 1]) ** 2) * pg
        # desired: the first lmax BSs, if they serve the typical user
        Ws = zf_beams(np.stack([np.conj(g[:, :lmax]), a_row[:, :lmax]], axis=-2))
        desired = pc * np.abs(np.einsum("nkm,nkm->nk", np.conj(g[:, :lmax]), Ws[..., 0])) ** 2 * pg[:, :lmax]
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
