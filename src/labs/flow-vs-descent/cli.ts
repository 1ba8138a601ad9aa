import { DeepLinearNet } from '../../engine/flow-descent/dln';
import { netInit } from './build';
import { fdPresetRow } from './presets';
import { sweepEtas, sweepPoint, sweepReference } from './sweep';
import { flowPointAt, rescaleRow } from './theory/rescale';

/**
 * The CLI's output for a preset that is not one run (docs/labs/flow-vs-descent.md Sec. 5): the eta sweep's points
 * against one flow reference, or the rescaled layers' table. Null for a run (`npm run sim` then runs it).
 */
export function flowVsDescentCliPreset(id: string): unknown | null {
  const row = fdPresetRow(id);
  if (!row) return null;
  const spec = row.spec;
  const o = spec.objective;
  if (spec.view === 'sweep') {
    const reference = sweepReference(spec);
    const points = sweepEtas(spec).map((eta) => {
      const { eta: _e, ...r } = sweepPoint({ spec, eta, reference });
      return { eta, ...r };
    });
    return { preset: id, title: row.title, spec, sweep: points };
  }
  if (spec.view === 'rescale' && spec.rescale && o.family === 'dln') {
    const net = new DeepLinearNet(o.widths, o.lam);
    const theta = flowPointAt(net, netInit(o.widths, o.init), spec.rescale.time);
    return { preset: id, title: row.title, spec, rescale: spec.rescale.factors.map((a) => rescaleRow(net, theta, a)) };
  }
  return null;
}
