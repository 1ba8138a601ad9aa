import type { SaddlesSpec } from './schema';

/**
 * The first-saddle oracle as a spec of its own (docs/labs/saddles.md Sec. 3.2, oracle 9): the sub-network of the hidden neurons
 * active in w* (for the toys: the coordinates), started at delta times w* restricted to it, trained with the
 * same optimiser and horizon. Its plateau is the predicted first saddle of the full run. Pure index selection
 * (the parameter layout of FeedForward: W_1 .. W_depth row-major, back to back); nothing is computed here.
 * Returns a reason instead when there is no proper sub-network.
 */
export function restrictedSpec(spec: SaddlesSpec, wstar: ArrayLike<number>, active: ArrayLike<number>, delta = spec.init.delta): SaddlesSpec | string {
  // delta: the scale the full run's predictions use (||w(0)||, below spec.init.delta when neurons were zeroed)
  const base = { ...spec, init: { delta, dir: { kind: 'explicit' as const, w0: [] as number[] } } };
  const nActive = Array.from(active).filter((a) => a > 0).length;
  if (nActive === active.length) return 'every neuron is active in w*: the sub-network is the whole network';
  if (nActive === 0) return 'no neuron is active in w* (N* ≤ 0): there is no escape to restrict';
  if (spec.model.kind === 'toy') {
    const w0 = Array.from(wstar, (v, k) => (active[k] > 0 ? v : 0));
    return { ...base, init: { ...base.init, dir: { kind: 'explicit', w0 } } };
  }
  const dims = [spec.model.d, ...spec.model.widths, 1];
  const depth = dims.length - 1;
  // kept[l] = indices kept in layer l (all inputs, the active hidden neurons, the output)
  const kept: number[][] = [Array.from({ length: dims[0] }, (_, m) => m)];
  let u = 0;
  for (let l = 1; l < depth; l++) {
    const rows: number[] = [];
    for (let j = 0; j < dims[l]; j++, u++) if (active[u] > 0) rows.push(j);
    if (rows.length === 0) return `no neuron of hidden layer ${l} is active in w*`;
    kept.push(rows);
  }
  kept.push([0]);
  const w0: number[] = [];
  let off = 0;
  for (let l = 1; l <= depth; l++) {
    for (const j of kept[l]) for (const m of kept[l - 1]) w0.push(wstar[off + j * dims[l - 1] + m]);
    off += dims[l] * dims[l - 1];
  }
  const model = { ...spec.model, widths: kept.slice(1, depth).map((k) => k.length) };
  return { ...base, model, init: { ...base.init, dir: { kind: 'explicit', w0 } } };
}
