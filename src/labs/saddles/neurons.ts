/**
 * Hidden neurons of a feed-forward saddles net by label "layer:neuron" (1-based), as the engine's units are
 * labelled, in the parameter layout W_1 .. W_depth row-major back to back (the last block is v). Used by the
 * heatmaps (which row is which neuron) and the per-neuron checks of zeroed neurons.
 */

/** Offsets of the blocks W_1 .. W_depth for layer sizes dims = [d, k_1, ..., 1]. */
function offsets(dims: number[]): number[] {
  const out: number[] = [];
  let off = 0;
  for (let l = 1; l < dims.length; l++) {
    out.push(off);
    off += dims[l] * dims[l - 1];
  }
  return out;
}

/** Parameter indices of a neuron's incoming row and outgoing column, or null when the net has no such neuron. */
export function neuronParamIndices(dims: number[], label: string): { inIdx: number[]; outIdx: number[] } | null {
  const [l, j1] = label.split(':').map(Number);
  const depth = dims.length - 1;
  if (!(l >= 1 && l < depth && j1 >= 1 && j1 <= dims[l])) return null;
  const j = j1 - 1;
  const off = offsets(dims);
  const inIdx = Array.from({ length: dims[l - 1] }, (_, m) => off[l - 1] + j * dims[l - 1] + m);
  const outIdx = Array.from({ length: dims[l + 1] }, (_, q) => off[l] + q * dims[l] + j);
  return { inIdx, outIdx };
}

/**
 * The neuron a heatmap row stands for: row r of W_l (l < depth) is neuron l:(r+1) (its incoming weights); entry
 * r of v, drawn as a column, is neuron (depth-1):(r+1) (its outgoing weight). Null for anything else.
 */
export function neuronOfRow(dims: number[], block: number, row: number): string | null {
  const depth = dims.length - 1;
  const l = block + 1;
  if (l < depth) return row >= 0 && row < dims[l] ? `${l}:${row + 1}` : null;
  if (l === depth) return row >= 0 && row < dims[depth - 1] ? `${depth - 1}:${row + 1}` : null;
  return null;
}

/** Labels sorted by layer, then neuron (the order of the per-neuron plot). */
export function sortNeurons(labels: Iterable<string>): string[] {
  const key = (s: string) => s.split(':').map(Number);
  return [...new Set(labels)].sort((a, b) => {
    const [la, ja] = key(a);
    const [lb, jb] = key(b);
    return la - lb || ja - jb;
  });
}
