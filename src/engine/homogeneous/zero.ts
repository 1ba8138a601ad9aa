import type { HomogeneousModel } from './types';

/**
 * Parameter indices of the hidden neurons named "layer:neuron" (1-based, the units' labels): their incoming row
 * and outgoing column. Zeroing all of them leaves those neurons exactly 0 forever (docs/labs/saddles.md Sec. 3.4, Lemma 16).
 */
export function zeroedIndices(model: HomogeneousModel, labels: readonly string[]): Int32Array {
  const out: number[] = [];
  for (const label of labels) {
    const u = model.units.find((x) => x.label === label);
    if (!u || !model.hasConservation) throw new Error(`init.zeroNeurons: the model has no hidden neuron "${label}"`);
    out.push(...u.inIdx, ...u.outIdx);
  }
  return Int32Array.from(out);
}
