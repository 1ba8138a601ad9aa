/**
 * Public numerical pieces of the Flow vs Descent lab (docs/labs/flow-vs-descent.md Sec. 2-3, 6): objectives with
 * exact gradients and HVPs, initialisations, Hessian spectra, the paper's bounds and the closed-form references.
 * Modules public as a whole (App. B's regions, the bounds, the DLN references) are re-exported with `export *`.
 */
export type { AbParams, Jet } from './ab';
export { AbObjective, abPaperParams, abZ0, phi, phibar, phibarJet, phiJet } from './ab';
export * from './ab-regions';
export * from './bounds';
export { DeepLinearNet } from './dln';
export * from './dln-reference';
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
