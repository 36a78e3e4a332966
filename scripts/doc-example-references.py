"""Independent reference values for the `// =>` lines of the doc examples of the public API
(src/index.ts, docs/api.md), computed from the paper's formulas or the defining integrals with
mpmath / scipy / numpy, without the TypeScript code. Run: python3 scripts/doc-example-references.py
(about half a minute); prints one `name = value` line per reference. The values printed in the
examples were compared with these (to the digits printed); Monte Carlo examples are not here (they
state their seed and are checked by running them).

The two rate integrals (Theorem 2 and the exact rate) reuse the scipy implementation of
test/comm/fixtures/gen_comm.py, itself independent of the TypeScript code.
"""
import math
import os
import sys

import mpmath as mp
import numpy as np
from scipy import integrate, special

mp.mp.dps = 30
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "test", "comm", "fixtures"))
import gen_comm  # noqa: E402  (scipy rate integrals, Lemma 2 closed forms)

OUT = []


def show(name, v):
    OUT.append((name, v))
    print(f"{name} = {v!r}")


# ---- parameters (Section V defaults + toolkit defaults, src/params/schema.ts) -------------------
P = dict(mt=4, mr=5, ptW=1.0, rcsM2=1.0, lambdaB=1.0, lambdaU=1.0, lambdaS=1.0, noisePowerDb=-80.0, alpha=4.0, beta=2.0,
         backhaul=6.0, psi=15, pc=0.5, fcHz=3.5e9, bandwidthHz=100e6, gt=4.0, gr=5.0, e=0.2)
noise = 10 ** (P["noisePowerDb"] / 10)
ps = (1 - P["pc"]) * P["ptW"]
zeta2 = ps * P["gt"] * P["gr"] * P["bandwidthHz"] ** 2 * P["rcsM2"] / (8 * math.pi * P["fcHz"] ** 2 * noise)
lam = P["lambdaB"] * 1e-6
scale = 1 / (zeta2 * (math.pi * lam) ** P["beta"])
show("noisePowerW", noise)
show("sensingPowerW", ps)
show("zeta2M2", zeta2)
show("zeta2PerWatt", zeta2 / ps)
show("crlbScaleM2", scale)
scale_full = 1 / (2 * zeta2 * (math.pi * lam) ** 2)  # p^s = 1: |ζ|² doubles
show("crlbScaleM2(full sensing power)", scale_full)

# ---- nearest distances (below Prop. 1) -------------------------------------------------------------
def e_dn(n, l):
    return mp.gamma(n + mp.mpf(1) / 2) / (mp.sqrt(l * mp.pi) * mp.gamma(n))


show("expectedNthDistance(1, 1e-6)", float(e_dn(1, mp.mpf("1e-6"))))
show("expectedNthDistance(10, 1e-6)", float(e_dn(10, mp.mpf("1e-6"))))
show("expectedNthDistanceApprox(10, 1e-6)", math.sqrt(10 / (1e-6 * math.pi)))
# E[d_n^p] from the density 2(λπ)^n r^{2n−1} e^{−λπr²}/Γ(n), by quadrature
l1 = 1 / mp.pi
pdf = lambda n, r, l: 2 * (l * mp.pi) ** n * r ** (2 * n - 1) * mp.e ** (-l * mp.pi * r * r) / mp.gamma(n)
show("nthDistanceMoment(2, 2, 1/pi)", float(mp.quad(lambda r: r ** 2 * pdf(2, r, l1), [0, mp.inf])))
show("nthDistanceMoment(3, -1, 1/pi)", float(mp.quad(lambda r: r ** -1 * pdf(3, r, l1), [0, mp.inf])))
show("nthDistanceCdf(1, 1, 1/pi)", float(mp.quad(lambda r: pdf(1, r, l1), [0, 1])))
show("nthDistanceCdf(3, 1.5, 1/pi)", float(mp.quad(lambda r: pdf(3, r, l1), [0, 1.5])))
show("nthDistancePdf(1, 1, 1/pi)", float(pdf(1, 1, l1)))

# ---- FIM Eq. (5), CRLB Eq. (6), Eq. (11) -----------------------------------------------------------
D = [1.0, 2.0, 3.0]
TH = [0.3, 2.0, 4.4]


def fim_literal(d, th, beta, z2=1.0):
    F = np.zeros((2, 2))
    for i in range(len(d)):
        for j in range(len(d)):
            w = d[i] ** -beta * d[j] ** -beta
            a = math.cos(th[i]) + math.cos(th[j])
            b = math.sin(th[i]) + math.sin(th[j])
            F += w * np.array([[a * a, a * b], [a * b, b * b]])
    return z2 * F


F = fim_literal(D, TH, 2)
show("fimEq5 xx,xy,yy", [F[0, 0], F[0, 1], F[1, 1]])
show("crlbGeometry", float(np.trace(np.linalg.inv(F))))
show("crlbGeometry zeta2=4", float(np.trace(np.linalg.inv(fim_literal(D, TH, 2, 4.0)))))
Fe = fim_literal([1, 1, 1], [0, 2 * math.pi / 3, 4 * math.pi / 3], 2)
show("equilateral F", [Fe[0, 0], Fe[0, 1], Fe[1, 1]])
show("equilateral crlb", float(np.trace(np.linalg.inv(Fe))))
w = [x ** -2 for x in D]
show("fimStats W", sum(w))
show("traceInverse({2,0,4})", float(np.trace(np.linalg.inv(np.array([[2.0, 0], [0, 4.0]])))))
show("traceInverse({2,1,2})", float(np.trace(np.linalg.inv(np.array([[2.0, 1], [1, 2.0]])))))


def eq11(d, th, beta, clip):
    n = len(d)
    wv = lambda i: d[i - 1] ** -beta
    a = lambda i, j: math.cos(th[i - 1]) + math.cos(th[j - 1])
    b = lambda i, j: math.sin(th[i - 1]) + math.sin(th[j - 1])
    num = 2 * sum(wv(i) * wv(j) * (1 + math.cos(th[i - 1] - th[j - 1])) for i in range(1, n + 1) for j in range(1, n + 1))
    den = 0.0
    for l in range(1, n + 1):
        for k in range(1, n + 1):
            for i in range(k, n + 1):
                for j in range(max((k - i) * n + l, clip) + 1, n + 1):
                    den += wv(i) * wv(j) * wv(l) * wv(k) * (a(k, l) * b(i, j) - a(i, j) * b(k, l)) ** 2
    return num / den


show("crlbEq11Corrected", eq11(D, TH, 2, 0))
show("crlbEq11Printed", eq11(D, TH, 2, 1))

# ---- Prop. 1 (12), Eq. (13), Theorem 1 (14) ----------------------------------------------------------
def s_ed(N, beta):
    return mp.fsum((mp.gamma(k) / mp.gamma(k + mp.mpf(1) / 2)) ** beta for k in range(1, N + 1))


def s_rank(N, beta):
    return mp.fsum(mp.mpf(k) ** (-mp.mpf(beta) / 2) for k in range(1, N + 1))


show("sumExpectedDistancePowNormalized(10, 2)", float(s_ed(10, 2)))
show("sumRankPow(10, 2)", float(s_rank(10, 2)))
show("crlbProp1Normalized(10, 2)", float(2 / s_ed(10, 2) ** 2))
show("crlbProp1Normalized(10, 3)", float(2 / s_ed(10, 3) ** 2))
show("crlbProp1(10, p)", float(2 / s_ed(10, 2) ** 2) * scale)
show("crlbEq13Normalized(10, 2)", float(2 / s_rank(10, 2) ** 2))
show("crlbEq13(10, p)", float(2 / s_rank(10, 2) ** 2) * scale)
show("crlbTheorem1PrintedNormalized(10)", float(1 / mp.log(10) ** 2))
show("crlbTheorem1Printed(10, p)", float(1 / mp.log(10) ** 2) * scale)
show("crlbTheorem1CorrectedNormalized(10)", float(2 / mp.log(10) ** 2))
show("crlbTheorem1Corrected(10, p)", float(2 / mp.log(10) ** 2) * scale)
# Theorem 1 directly in m²: 1/(|ζ|² λ_b² π² ln² N)
show("Theorem 1 direct m²", float(1 / (zeta2 * lam ** 2 * mp.pi ** 2 * mp.log(10) ** 2)))

# ---- Lemma 1 (15) and its repairs --------------------------------------------------------------------
def pois(n, m):
    return mp.e ** (-m) * m ** n / mp.factorial(n)


def nbar(N):
    return mp.gamma(N + mp.mpf(1) / 2) ** 2 / mp.gamma(N) ** 2


def series(start, m, f):
    acc = mp.mpf(0)
    n = start
    while True:
        p = pois(n, m)
        acc += p * f(n)
        if n > m + 80 and p < mp.mpf(10) ** -28:
            return acc
        n += 1


def lemma1_load(psi, m):
    return mp.gammainc(psi, m, mp.inf, regularized=True) + series(psi + 1, m, lambda n: mp.mpf(psi) / n)


show("nBar(1)", float(nbar(1)))
show("nBar(10)", float(nbar(10)))
m10 = nbar(10)
show("kappaSLemma1(15, 1, 10)", float(lemma1_load(15, m10)))
show("kappaSLemma1ForLoad(15, 14)", float(lemma1_load(15, 14)))
show("kappaSBsAverage(15, 14)", float(series(0, mp.mpf(14), lambda n: min(mp.mpf(1), mp.mpf(15) / n) if n > 0 else 1)))
show("kappaSPerRequestPoisson(15, 14)", float(series(0, mp.mpf(14), lambda k: min(mp.mpf(1), mp.mpf(15) / (1 + k)))))
show("kappaSPalm(15, 1, 10)", float(series(0, mp.mpf(10), lambda k: min(mp.mpf(1), mp.mpf(15) / (1 + k)))))


def nb_accept(psi, m, r):
    m, r = mp.mpf(m), mp.mpf(r)
    p = m / (m + r)
    acc = mp.mpf(0)
    n = 1
    while True:
        pn = mp.gamma(n + r) / (mp.gamma(r) * mp.factorial(n)) * (1 - p) ** r * p ** n
        acc += pn * min(n, psi)
        if n > 2 * m + 200 and pn < mp.mpf(10) ** -28:
            return acc / m
        n += 1


show("kappaSPerRequestMixed(15, 14, 5)", float(nb_accept(15, 14, 5)))
show("kappaSNegBinomial(15, 1, 10)", float(nb_accept(15, 10, 10 / 0.29)))
show("kappaSNegBinomial(15, 1, 15)", float(nb_accept(15, 15, 15 / 0.29)))

# ---- Eq. (16) ------------------------------------------------------------------------------------------
show("crlbAcceptanceEq16Normalized(10, 0.9)", float(1 / (mp.mpf("0.81") * mp.log(10) ** 2)))
show("crlbAcceptanceEq16(10, 0.9, p)", float(1 / (mp.mpf("0.81") * mp.log(10) ** 2)) * scale)
k10 = lemma1_load(15, m10)
show("crlbAcceptanceEq16Lemma1(10, p)", float(1 / (k10 ** 2 * mp.log(10) ** 2)) * scale)
show("crlbAcceptanceThinnedNormalized(10, 0.9, 2)", float(2 / (mp.mpf("0.9") * s_ed(10, 2)) ** 2))
eq16 = {N: float(1 / (lemma1_load(15, nbar(N)) ** 2 * mp.log(N) ** 2)) for N in range(2, 31)}
show("argminN Eq16 Lemma1 (psi 15, N <= 30)", min(eq16, key=eq16.get))
show("eq16CrlbModel(p).crlbFullPower(12)", float(1 / (lemma1_load(15, nbar(12)) ** 2 * mp.log(12) ** 2)) * scale_full)

# ---- κ_c (Section IV) ---------------------------------------------------------------------------------
show("lBar(4)", float(nbar(4)))
show("kappaCPrinted(15, 1, 13)", gen_comm.kappa_printed(15, 1.0, 13))
show("kappaCPrinted(15, 1, 20)", gen_comm.kappa_printed(15, 1.0, 20))
show("kappaCPrinted(15, 1, 4)", gen_comm.kappa_printed(15, 1.0, 4))
show("kappaCPrintedForLoad(15, lBar(20))", gen_comm.kappa_printed(15, 1.0, 20))
show("kappaCMechanismPoisson(15, 4, 5)", gen_comm.kappa_mechanism_poisson(15, 4.0, 5))
show("acceptanceForLoadPmf(2, [0.5, 0, 0, 0.5])", 0.5 * 1 + 0.5 * 2 / 3)

# ---- Lemma 2 --------------------------------------------------------------------------------------------
show("h1(2, 1, 4, 0.2) integral", float(gen_comm.h1_integral(2, 1, 4, 0.2)))
show("h1Printed(2, 1, 4, 0.2)", float(gen_comm.h1_closed(2, 1, 4, 0.2, printed=True)))
show("h1(0.5, 3, 4, 0.5) integral", float(gen_comm.h1_integral(0.5, 3, 4, 0.5)))
show("h2(1, 4, 0.5) integral", float(gen_comm.h2_integral(1, 4, 0.5)))
show("h2(1, 4, 1) integral", float(gen_comm.h2_integral(1, 4, 1.0)))
# Eqs. (19)–(21) at πλ_b r² = 0.8, η = 0.5, κ_c = 0.7, p^c = 0.5, M_t = 4, α = 4, z = 1
u1, eta, kc, pc, mt, a, z = 0.8, 0.5, 0.7, 0.5, 4, 4, 1.0
h1d = float(gen_comm.h1_integral(z * pc, mt - 1, a, eta))
h1i = float(gen_comm.h1_integral(z, 1, a, eta))
h2v = float(gen_comm.h2_integral(z, a, eta))
show("lemma2Laplace U,I1,I2", [math.exp(-kc * u1 * h1d), math.exp(-(1 - kc) * u1 * h1i), math.exp(-u1 * h2v)])
L = 5
s = eta ** 2
ea = eta ** a
show("exactConditionalLaplace U,I1", [(1 - kc * s * h1d / (1 - s)) ** (L - 2) * (kc * (1 + z * pc * ea) ** (1 - mt) + 1 - kc),
                                       (1 - (1 - kc) * s * h1i / (1 - s)) ** (L - 2) * (kc + (1 - kc) / (1 + z * ea))])
# The same from the definition: L − 2 BSs with u uniform on (u1, u1/η²), E over one BS by quadrature
uL = u1 / s
one_U = integrate.quad(lambda u: (kc * (1 + z * pc * (u1 / u) ** 2) ** (1 - mt) + 1 - kc), u1, uL)[0] / (uL - u1)
one_I = integrate.quad(lambda u: (kc + (1 - kc) / (1 + z * (u1 / u) ** 2)), u1, uL)[0] / (uL - u1)
show("exactConditionalLaplace by definition U,I1", [one_U ** (L - 2) * (kc * (1 + z * pc * ea) ** (1 - mt) + 1 - kc), one_I ** (L - 2) * (kc + (1 - kc) / (1 + z * ea))])

# ---- coverage (Eq. 8) ---------------------------------------------------------------------------------
cov4 = lambda T: 1 / (1 + math.sqrt(T) * (math.pi / 2 - math.atan(1 / math.sqrt(T))))
show("coverageL1Alpha4(1)", cov4(1))
show("coverageL1Alpha4(10)", cov4(10))
rho = lambda T, al: T ** (2 / al) * integrate.quad(lambda u: 1 / (1 + u ** (al / 2)), T ** (-2 / al), np.inf, epsabs=0, epsrel=1e-13)[0]
show("coverageL1Rayleigh(1, 4)", 1 / (1 + rho(1, 4)))
show("coverageL1Rayleigh(1, 3)", 1 / (1 + rho(1, 3)))

# ---- gains -------------------------------------------------------------------------------------------------
def zf_cdf(x, mt, pc):
    c = pc * (1 - pc)

    def f(b):
        disc = math.sqrt(max(0.0, 1 - 4 * c * b))
        l1, l2 = (1 + disc) / 2, (1 - disc) / 2
        cdf = 1 - (l1 * math.exp(-x / l1) - l2 * math.exp(-x / l2)) / (l1 - l2)
        return (mt - 1) * b ** (mt - 2) * cdf

    return integrate.quad(f, 0, 1, epsabs=0, epsrel=1e-13)[0]


show("zfInterferenceCdf(1, 4, 0.5)", zf_cdf(1, 4, 0.5))
show("Exp(1) cdf at 1", 1 - math.exp(-1))

# ---- rates (Theorem 2, exact rate, L = 1 under ZF) ------------------------------------------------------
kc4 = gen_comm.kappa_printed(15, 1.0, 4)
show("rateExact(L 2, pc .5, k 1, a 4, mt 4)", gen_comm.rate("exact", 2, 0.5, 1.0, 4.0, 4))
show("rateTheorem2(L 2, pc .5, k 1, a 4, mt 4)", gen_comm.rate("thm2", 2, 0.5, 1.0, 4.0, 4))
show("rateExact(L 4, pc .5, kappaCPrinted(15,1,4), a 4, mt 4)", gen_comm.rate("exact", 4, 0.5, kc4, 4.0, 4))
show("rateExact(L 1, pc .5)", gen_comm.rate("exact", 1, 0.5, 1.0, 4.0, 4))
show("rateExact(L 8, pc .3, k .7, a 3, mt 2)", gen_comm.rate("exact", 8, 0.3, 0.7, 3.0, 2))
show("rateTheorem2(L 8, pc .3, k .7, a 3, mt 2)", gen_comm.rate("thm2", 8, 0.3, 0.7, 3.0, 2))


def rate_l1_zf(pc, mt, al, gamma_interf=False):
    c = pc * (1 - pc)

    def one_minus_L(s):
        if gamma_interf or c == 0:
            return s / (1 + s)
        return integrate.quad(lambda b: (mt - 1) * b ** (mt - 2) * (s + c * s * s * b) / (1 + s + c * s * s * b), 0, 1, epsabs=0, epsrel=1e-12)[0]

    def h2(z):
        # ∫_1^∞ (1 − E[e^{−z t^{−α} g}]) 2t dt, with t = e^v (the integrand decays like z e^{(2−α)v}),
        # plus the tail beyond v_max in closed form (1 − E[e^{−sg}] ≈ s E[g] = s there)
        vmax = 80 / (al - 2)
        body = integrate.quad(lambda v: one_minus_L(z * math.exp(-al * v)) * 2 * math.exp(2 * v), 0, vmax, epsabs=0, epsrel=1e-11, limit=400)[0]
        return body + z * 2 * math.exp((2 - al) * vmax) / (al - 2)

    def f(y):
        z = math.exp(y)
        return -math.expm1((1 - mt) * math.log1p(pc * z)) / (1 + h2(z))

    return integrate.quad(f, -40, 60, epsabs=0, epsrel=1e-9, limit=400)[0]


show("rateL1ZfExact(0.5, 4, 4)", rate_l1_zf(0.5, 4, 4.0))
show("rateL1ZfExact(0.5, 4, 4, gamma)", rate_l1_zf(0.5, 4, 4.0, True))

# ---- Monte Carlo helpers with closed forms --------------------------------------------------------------
show("meanFieldTail(100, 4)", 100 ** (1 - 2) / (2 - 1))
show("meanFieldTail(100, 3)", 100 ** (1 - 1.5) / (1.5 - 1))
show("networkSideForDisc(100)", 2 * math.sqrt(100 / math.pi))
show("sensingNetworkSide(10)", max(30, 3 * math.sqrt((10 + 7 * math.sqrt(10) + 30) / math.pi)))
show("sensingNetworkSide(200)", max(30, 3 * math.sqrt((200 + 7 * math.sqrt(200) + 30) / math.pi)))
# Hill estimator on exact Pareto quantiles x_j = (1 − j/(m+1))^(−1/α), α = 2, m = 10⁴, k = 10³
m_, k_ = 10000, 1000
xs = np.sort((1 - np.arange(1, m_ + 1) / (m_ + 1)) ** (-1 / 2))
show("hillTailIndex(Pareto α=2)", float(k_ / np.sum(np.log(xs[m_ - k_:] / xs[m_ - k_ - 1]))))

# ---- optimizer: synthetic models with closed-form corners -------------------------------------------------
# R_c(L, p) = a_L ln(1 + 10 p), a = (1, 1.2, 1.1); CRLB_a(N, 1) = 1/(N − 1) (∞ for N = 1); C = 4, e = 0.5
aL = [1.0, 1.2, 1.1]
G1 = max(aL) * math.log(11)
show("synthetic comm corner rate (G(1) <= C)", G1)
show("synthetic sens corner N, CRLB", [8, 1 / 7])
# P(R): least p with max_L a_L ln(1 + 10 p) ≥ R → p = (e^{R/1.2} − 1)/10
show("synthetic P(2)", (math.exp(2 / 1.2) - 1) / 10)
show("synthetic G(0.25)", 1.2 * math.log(1 + 2.5))
# ε-constraint at c = 0.5: records N = 2…8 (CRLB 1/(N−1)); rate(N) = min(G(1 − CRLB/c), C − eN)
c = 0.5
best = max(min(1.2 * math.log(1 + 10 * (1 - (1 / (N - 1)) / c)), 4 - 0.5 * N) for N in range(3, 9))
show("synthetic R*(0.5)", best)
# weighted w = 0.5 for one L, one N: max 0.5·1.2 ln(1+10p) + 0.5 ln(1−p) → p* = (w a b − (1−w))/(b(w a + 1 − w)), a = 1.2, b = 10
wgt, aa, bb = 0.5, 1.2, 10
pstar = (wgt * aa * bb - (1 - wgt)) / (bb * (wgt * aa + 1 - wgt))
show("synthetic weighted p* (one L, one N)", pstar)
show("weightedObjective(0.5, 2, e^2)", 0.5 * 2 - 0.5 * 2)

# ---- special functions (src/math/special.ts, src/math/incompleteBeta.ts) ------------------------------------
show("gamma(4.5)", float(mp.gamma(4.5)))
show("gammaln(100)", float(mp.loggamma(100)))
show("gammaincLowerRegularized(3, 2)", float(mp.gammainc(3, 0, 2, regularized=True)))
show("gammaincUpperRegularized(3, 2)", float(mp.gammainc(3, 2, mp.inf, regularized=True)))
show("beta(2, 3)", float(mp.beta(2, 3)))
show("incompleteBeta(0.5, 2, 3)", float(mp.betainc(2, 3, 0, 0.5)))
show("incompleteBetaRegularized(0.5, 2, 3)", float(mp.betainc(2, 3, 0, 0.5, regularized=True)))
show("gammaRatioHalf(10)", float(mp.gamma(10.5) / mp.gamma(10)))
show("incompleteBeta(0.9, 0.5, 3.5)", float(mp.betainc(0.5, 3.5, 0, 0.9)))
show("completeBeta(0.5, 3.5)", float(mp.beta(0.5, 3.5)))
show("integrate x^2 on [0,1]", 1 / 3)
show("integrateToInfinity e^-x^2", math.sqrt(math.pi) / 2)
show("GL 5 nodes max", float(np.polynomial.legendre.leggauss(5)[0].max()))
show("special.gammaincc(15, 14)", float(special.gammaincc(15, 14)))

# ---- optimizer, continued ------------------------------------------------------------------------------------
# F(R) at R = 1: S(⌊(C − R)/e⌋)/(1 − P(R)) = (1/5)/(1 − (e^{1/1.2} − 1)/10)
show("synthetic minCrlbAtRate(1)", (1 / 5) / (1 - (math.exp(1 / 1.2) - 1) / 10))
# weighted optimum w = 0.5 by brute force over N (L = 2 dominates every p): max 0.5·R − 0.5·ln(CRLB(N)/(1 − p))
from scipy.optimize import minimize_scalar  # noqa: E402

best_w = None
for N in range(2, 9):
    room = 4 - 0.5 * N
    cap = min(1 - 1e-12, (math.exp(room / 1.2) - 1) / 10)
    J = lambda p_: 0.5 * 1.2 * math.log1p(10 * p_) - 0.5 * math.log((1 / (N - 1)) / (1 - p_))
    r = minimize_scalar(lambda p_: -J(p_), bounds=(0, cap), method="bounded", options={"xatol": 1e-12})
    cand = max([(J(r.x), r.x), (J(cap), cap)])
    if best_w is None or cand[0] > best_w[0]:
        best_w = (cand[0], cand[1], N)
show("synthetic weighted optimum (J, p^c, N)", list(best_w))
show("rateModel('thm2', p).rate(4, 0.5)", gen_comm.rate("thm2", 4, 0.5, kc4, 4.0, 4))
