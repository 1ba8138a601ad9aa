/**
 * Public numerical pieces of the Flow vs Descent lab (docs/labs/flow-vs-descent.md Sec. 2-3, 6): objectives with
 * exact gradients and HVPs, initialisations, Hessian spectra, the paper's bounds and the closed-form references.
 */
export type { AbParams, Jet } from './ab';
export { AbObjective, abPaperParams, abZ0, phi, phibar, phibarJet, phiJet } from './ab';
export {
  abExitIndex,
  abExitTime,
  abFlowPoint,
  abFlowQ1,
  abFlowQ2,
  abFlowQ2Anisotropic,
  abFlowQ3,
  abGdQ1,
  abGdQ2Anisotropic,
  abGdQ3,
  abT1,
  abT1Bracket,
  abTransitionDuration,
  detAtan,
} from './ab-regions';
export type { Cor4Input } from './bounds';
export {
  cor4EtaMax,
  eq21TBar,
  eq22IntegralBound,
  eq22LogTerm,
  eq23EtaMax,
  eq24Iterations,
  lemma7Bound,
  lemma11Bound,
  maxProductOf,
  prop8Bound,
  prop12Bound,
  prop14Constants,
  thm3TrajectoryEtaMax,
} from './bounds';
export { DeepLinearNet } from './dln';
export type { RankOnePlane } from './dln-reference';
export {
  planeEndToEnd,
  planeLoss,
  planeRhs,
  planeWeights,
  rankOneEndToEnd,
  rankOnePlane,
  rankOneWeights,
  rNuClosedFormN2,
  rNuLoss,
  rNuRhs,
} from './dln-reference';
export type { Activation, FcLossKind, FcNetSpec } from './fc';
export { FcNet, fdReluDataset } from './fc';
export { assembleHessian, extremeEigenvalues, HessianScratch, JACOBI_MAX_N, symmetricSpectrum } from './hessian';
export { balancedInit, balancedRank1, endToEndAtAngle, gaussianInit, xavierInit } from './init';
export { frobenius, nuclearNormSymmetric, spectralNorm } from './norms';
export type { Objective } from './objective';
export { DiagonalQuadratic, quadraticFlow, quadraticFlowPoint, quadraticGd, quadraticGdPoint } from './quadratic';
export type { ThinSvd } from './svd';
export { thinSvd } from './svd';
export { tridiagonalEigenvalues } from './tridiagonal';
