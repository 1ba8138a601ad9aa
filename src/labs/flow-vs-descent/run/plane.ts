import { DeepLinearNet } from '../../../engine/flow-descent/dln';
import { dlnPlane, netInit } from '../build';
import type { FdObjective } from '../schema';

/**
 * A scalar-output deep linear net's start in the plane span(Lam, W_{n:1}(0)) where the landscape draws it, with the
 * plane's basis; null for other nets (Sec. 7 item 1). Cheap: the nets are at most 16 wide.
 */
export function dlnStartInPlane(o: Extract<FdObjective, { family: 'dln' }>): { start: number[]; l: Float64Array; u: Float64Array } | null {
  if (o.widths[o.widths.length - 1] !== 1) return null;
  try {
    const net = new DeepLinearNet(o.widths, o.lam);
    const w0 = net.endToEnd(netInit(o.widths, o.init));
    const { l, u } = dlnPlane(o.lam, w0);
    let x = 0;
    let y = 0;
    for (let i = 0; i < w0.length; i++) {
      x += w0[i] * l[i];
      y += w0[i] * u[i];
    }
    return { start: [x, y], l, u };
  } catch {
    return null;
  }
}
