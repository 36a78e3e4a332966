/**
 * isacnet: the public library API, grouped by the sections of K. Meng and C. Masouros,
 * "Cooperative Sensing and Communication for ISAC Networks: Performance Analysis and Optimization"
 * (arXiv:2403.20228). Every equation of the paper is a function here, next to its corrected or exact
 * version where the printed one is wrong (docs/errata.md); docs/api.md lists the exports by section
 * and docs/architecture.md shows where each equation lives.
 *
 * Browser-safe: nothing reachable from this entry imports a `node:` module (tested). The Node worker
 * pool is the separate entry `isacnet/node`; the layers have their own entries `isacnet/sensing`,
 * `isacnet/comm`, `isacnet/optimize`, `isacnet/params` and `isacnet/math`.
 *
 * Units: distances in m, densities in /km² in the parameters (/m² inside the sensing model), CRLBs
 * in m² (the `…Normalized` functions: |ζ|² = 1 and πλ_b = 1), rates in nats/s/Hz.
 *
 * @example
 * import { crlbProp1, defaultParams, kappaCPrinted, rateExact } from 'isacnet';
 * const p = defaultParams(); // Section V: λ_b = 1 /km², β = 2, ψ = 15, M_t = 4, α = 4, p^c = 0.5
 * crlbProp1(10, p); // => 5.5754e5
 * const kappaC = kappaCPrinted(p.psi, p.lambdaU / p.lambdaB, 4); // => 1.0000
 * rateExact({ L: 4, pc: p.pc, kappaC, alpha: p.alpha, mt: p.mt }); // => 3.3512
 */

// ---------------------------------------------------------------------------------------------
// Section II: system model
// Eq. (1) power split and Eq. (2) zero-forcing beams; the PPP geometry of the nearest BSs
// (below Prop. 1: E[d_n]); the torus windows and the request/acceptance step shared by the network
// simulations (Sections III-B and IV); the backhaul constraint Eq. (10) (Section II-D).

export { sensingPowerW } from './params/derived.ts';
export { complexGaussian, steeringRow, zeroForcingBeams, absInnerSquared, ZfGainSampler, type ZfBeams } from './comm/zf.ts';
export {
  sampleNearestAreas,
  sampleNearestDistances,
  sampleBearings,
  expectedNthDistance,
  expectedNthDistanceApprox,
  nthDistanceMoment,
  nthDistanceCdf,
  nthDistancePdf,
} from './geometry/nearestDistances.ts';
export { samplePppTorus, wrap, TorusGrid } from './geometry/torus.ts';
export { groupRequestsByBs, acceptUniformSubset, type RequestsByBs } from './geometry/requestAcceptance.ts';
export { backhaulUse, maxSensingCluster, rateRoom, crlbAtPower, checkProblem, type BackhaulProblem } from './optimize/model.ts';

// ---------------------------------------------------------------------------------------------
// Section III-A: sensing with full acceptance
// FIM Eq. (5) (fast O(N) form and the literal double sum), CRLB = tr(F⁻¹) Eq. (6) of one geometry,
// Eq. (11) as printed and corrected, Prop. 1 Eq. (12), Eq. (13), Theorem 1 Eq. (14) as printed and
// corrected, when E[CRLB] exists, and the CRLB Monte Carlo with its moment-aware summary.

export { fimEq5, fimEq5Literal, fimStatsFromWeights, fimFromStats, crlbFromStats, traceInverse, crlbGeometry, type Sym2, type FimStats } from './sensing/fim.ts';
export { crlbEq11Printed, crlbEq11Corrected } from './sensing/eq11.ts';
export {
  sumExpectedDistancePowNormalized,
  sumRankPow,
  crlbProp1,
  crlbProp1Normalized,
  crlbEq13,
  crlbEq13Normalized,
  crlbTheorem1Printed,
  crlbTheorem1PrintedNormalized,
  crlbTheorem1Corrected,
  crlbTheorem1CorrectedNormalized,
} from './sensing/closedForms.ts';
export { crlbTailIndex, crlbTailIndexModel, crlbMeanExists, crlbVarianceExists, hillTailIndex, crlbMomentWarning, PRE_ASYMPTOTIC_HILL_LIMIT } from './sensing/crlbExistence.ts';
export { CRLB_NESTED_KERNEL, CRLB_PILOT_STREAM, simulateCrlbNested, crlbNestedKernel, crlbNestedJob, fitCrlbPilot, column, type CrlbNestedArgs } from './sensing/crlbMonteCarlo.ts';
export { fitCrlbControl, crlbControlEstimates, fillCrlbFeatures, CRLB_FEATURE_COUNT, CRLB_CONTROL_MIN_N, CRLB_CONTROL_AREAS, type CrlbControlledEstimate } from './sensing/crlbControl.ts';
export { summarizeCrlbSamples, type CrlbMcSummary } from './sensing/crlbSummary.ts';

// ---------------------------------------------------------------------------------------------
// Beyond the paper: localization estimators (MLE, linearized LS) against the CRLB
export {
  searchRegion,
  problemRegion,
  SEARCH_REGION_RANGE_MARGIN,
  rangeSumNoiseVariance,
  simulateRangeSums,
  rangeSumFim,
  localizeMle,
  localizeLs,
  SEARCH_REGION_MARGIN,
  type Point2,
  type Box2,
  type RangeSumProblem,
  type MleOptions,
  type LocalizationEstimate,
} from './sensing/localization.ts';
export { LOCALIZE_KERNEL, LOCALIZE_CHUNK, LOCALIZE_FIELDS, localizeKernel, localizeJob, simulateLocalize, localizeRecordWidth, type LocalizeArgs } from './sensing/localizeMonteCarlo.ts';

// ---------------------------------------------------------------------------------------------
// Section III-B: sensing with limited resource blocks
// Lemma 1 κ_s Eq. (15) as printed and in the forms the mechanism implies; Eq. (16) as printed and
// the thinned Prop. 1; the network-level simulation of the request/acceptance mechanism.

export {
  nBar,
  kappaSLemma1,
  kappaSLemma1ForLoad,
  kappaSBsAverage,
  kappaSPerRequestPoisson,
  kappaSPalm,
  kappaSPerRequestMixed,
  kappaSNegBinomial,
  LOAD_AREA_VARIANCE_PER_N,
} from './sensing/acceptance.ts';
export { crlbAcceptanceEq16, crlbAcceptanceEq16Normalized, crlbAcceptanceEq16Lemma1, crlbAcceptanceThinnedNormalized, argminN, nonLocalizableIndependent } from './sensing/crlbAcceptance.ts';
export {
  SENSING_NETWORK_KERNEL,
  SENSING_NET_FIELDS,
  sensingNetworkKernel,
  simulateSensingNetwork,
  sensingNetworkSide,
  sensingNetworkRecordWidth,
  type SensingNetworkArgs,
} from './sensing/network.ts';
export { sensingNetworkJob, summarizeSensingNetwork, runSensingNetwork, type SensingNetworkOptions, type SensingNetworkPoint } from './sensing/networkSummary.ts';

// ---------------------------------------------------------------------------------------------
// Section IV: cooperative communication
// The SIR and rate of Eqs. (7)–(9) by Monte Carlo (typical user; network level), SIR coverage,
// the gain laws below Eq. (18), κ_c as printed and for the stated mechanism, Lemma 2 (H1, H2 and the
// Laplace transforms Eqs. (19)–(21)), Theorem 2, the exact rate and the exact L = 1 rate under ZF.

export { TYPICAL_USER_KERNEL, typicalUserKernel, simulateTypicalUser, meanFieldTail, type TypicalUserArgs } from './comm/typicalUser.ts';
export { RATE_CURVE_KERNEL, RATE_CURVE_PILOT_STREAM, rateCurveKernel, simulateRateCurve, fitRateCurvePilot, type RateCurveArgs } from './comm/rateCurve.ts';
// Beyond the paper: control variates with exactly known means for the rate curve (issue 11).
export { fitRateCurveControl, rateCurveEstimates, rateCurveControlValue, rateCurveFeatureCount, rateCurveFeatureRecordWidth, coinProbability32, trigammaInteger } from './comm/rateCurveControl.ts';
export { digammaInteger } from './math/digammaInteger.ts';
export { controlledEstimates, type ControlledEstimate } from './math/controlledEstimates.ts';
export { NormalEquations } from './math/leastSquares.ts';
export { RATE_TABLE_KERNEL, rateTableKernel, rateTableJob, closedFormRate, RateTableValues, type RateForm, type RateTableArgs } from './comm/rateTable.ts';
export { ZF_RATE_CURVE_KERNEL, zfRateCurveKernel, simulateZfRateCurve, type ZfRateCurveArgs } from './comm/zfRateCurve.ts';
export { controlVariateEstimate, type ControlVariateEstimate, type CvMean } from './comm/controlVariate.ts';
export { COMM_NETWORK_KERNEL, COMM_NET_FIELDS, commNetworkKernel, simulateNetworkCoMP, networkRecordWidth, networkSideForDisc, type NetworkCoMPArgs } from './comm/network.ts';
export { coverageL1Alpha4, coverageL1Rayleigh, empiricalCoverage } from './comm/coverage.ts';
// Beyond the paper: the SINR with receiver noise (noise factor of the rate integrals, exact L = 1 coverage).
export { noiseLaplaceGamma, coverageL1Noise, type CoverageNoiseArgs } from './comm/noise.ts';
export { GAIN_MODELS, gainSampler, zfInterferenceCdf, type GainModel, type GainSampler } from './comm/gains.ts';
export { lBar, kappaCPrinted, kappaCPrintedForLoad, kappaCMechanismPoisson, acceptanceForLoadPmf } from './comm/kappa.ts';
export { h1, h1Printed, h2, h1Integral, h2Integral } from './comm/lemma2.ts';
export { lemma2Laplace, exactConditionalLaplace, empiricalLaplace, type LaplaceCheckArgs } from './comm/laplaceCheck.ts';
export { rateTheorem2, rateTheorem2Detailed, type Theorem2Options } from './comm/theorem2.ts';
export { rateExact, rateExactDetailed } from './comm/exactRate.ts';
export { rateL1ZfExact } from './comm/zfRateL1.ts';
export type { RateIntegralOptions, RateIntegralResult } from './comm/rateQuadrature.ts';
// The CoMP rate parameters { L, pc, kappaC, alpha, mt } (src/params/derived.ts) and their check.
export { validateRateModel, type CoMPRateParams } from './comm/rateModel.ts';

// ---------------------------------------------------------------------------------------------
// Sections II-D and V: the backhaul-limited trade-off
// Eq. (10) (above), the Pareto boundary of the rate–CRLB region, corners, time-sharing,
// non-cooperative baseline, weighted optimum, and the adapters to the library's rate and CRLB models.

export { optimizeTradeoff, type OptimizeTradeoffOptions } from './optimize/optimizeTradeoff.ts';
export { buildEnvelope, solveTradeoff, memoCrlb, type TradeoffOptions, type TradeoffResult } from './optimize/tradeoff.ts';
export { RATE_MODELS, CRLB_MODELS, rateModel, eq16CrlbModel, mcCrlbModel, fullSensingPowerParams, type RateModelName, type CrlbModelName, type McCrlbOptions, type McCrlbTable } from './optimize/models.ts';
export { RateEnvelope } from './optimize/rateEnvelope.ts';
export { SensingTable } from './optimize/sensingTable.ts';
export { Frontier, nonDominated, type OperatingPoint, type ParetoOptions } from './optimize/frontier.ts';
export { corners, timeSharing, timeSharingAt, nonCooperative, containment, type Corners, type TimeSharingPoint, type Containment } from './optimize/baselines.ts';
export { optimizeWeighted, weightedObjective, type WeightedResult } from './optimize/weighted.ts';
export { exhaustiveMaxRate, exhaustiveWeighted } from './optimize/exhaustive.ts';
// The optimizer's rate interface { rate(L, p^c), name, concaveInPc? } and CRLB interface.
export type { ClusterRateModel, CrlbModel } from './optimize/model.ts';

// ---------------------------------------------------------------------------------------------
// Parameters (Section V values and the toolkit's documented choices)

export { PARAM_KEYS, PARAM_SPECS, ZETA2_SPEC, defaultParams, specOf, type Params, type ParamKey, type ParamSpec } from './params/schema.ts';
export { ParamError, resolveParams } from './params/validate.ts';
export { perM2, noisePowerW, zeta2M2, zeta2PerWatt, crlbScaleM2, usersPerBs, targetsPerBs, coMPRateParamsAt, commNoisePowerW, refPathGain, normalizedNoise } from './params/derived.ts';

// ---------------------------------------------------------------------------------------------
// Monte Carlo: kernels, jobs and runners (results depend on the seed only, never on the runner)

export { defineKernel, composeRegistry, type Kernel, type KernelDefinition, type KernelRegistry, type AnyKernel } from './parallel/kernel.ts';
export { DEFAULT_CHUNK_SIZE, planChunks } from './parallel/job.ts';
export type { MonteCarloJob, JobRunner, ProgressFn, KernelArgs } from './parallel/jobTypes.ts';
export { RecordReader } from './parallel/record.ts';
export { runJobSync, inlineRunner } from './registry/inline.ts';
export { KERNELS } from './registry/kernels.ts';
export { Rng, streamRng } from './math/rng.ts';
export { summarize, type Summary } from './math/stats.ts';
export { ArgumentError } from './math/argumentError.ts';
export { runChunkStatsTask, inlineChunkExecutor, type ChunkStatsTask, type ChunkStatsResult, type ChunkTaskExecutor, type ChunkReduction } from './registry/chunkStats.ts';

// ---------------------------------------------------------------------------------------------
// Reports: the result objects of `isacnet sensing` and `isacnet comm`, from parameters and a runner

export { computeSensingReport, NETWORK_SEED_OFFSET, type SensingRunOptions, type SensingReport, type SensingPoint } from './reports/sensing.ts';
export {
  computeLocalizeReport,
  thresholdSnrDb,
  normalizedSensingSnr,
  DEFAULT_OUTLIER_MULTIPLE,
  THRESHOLD_RATIO,
  N1_REASON,
  type LocalizeRunOptions,
  type LocalizeReport,
  type LocalizePoint,
  type EstimatorBlock,
  type LocalizeThreshold,
} from './reports/localize.ts';
export { computeCommReport, usesRateCurve, type CommRunOptions, type CommReport, type CommPoint, type AcceptanceModel } from './reports/comm.ts';
export {
  runSweep,
  checkSweepSpec,
  expandGrid,
  pointSeed,
  SWEEP_SKETCH_ACCURACY,
  DEFAULT_MAX_POINTS,
  type SweepSpec,
  type SweepAxis,
  type SweepPrecision,
  type SweepResult,
  type SweepRow,
  type SweepProgress,
  type SweepRunner,
  type ChunkStore,
} from './reports/sweep.ts';
