/** Bounds on every size a spec can ask for: they keep a shared link from freezing a browser tab. */
export const LIMITS = {
  maxDim: 256,
  maxLength: 64,
  maxSequences: 512,
  maxSteps: 1e9,
  maxTime: 1e16,
  maxRecords: 20_000,
  maxAbsValue: 1e6,
  maxGenWindow: 400,
  maxHeadWidth: 64,
} as const;
