/**
 * The live MNIST mode's data (docs/labs/flow-vs-descent.md Sec. 5.4, FD-MN-live): the first 64 images of the bundled
 * subset, loaded on demand (LabRuntime.prepare) so no bundle carries them, then held here for
 * buildProblem, which must be synchronous. Inputs normalised as the authors' repository does: (p/255 - 0.1307)/0.3081.
 */
interface Live64 {
  count: number;
  pixels: string;
  labels: number[];
}

let loaded: { X: Float64Array; labels: number[] } | null = null;

function decodeBase64(text: string): Uint8Array {
  const bin = atob(text);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** Loads the 64 images once (a chunk of its own in the browser). */
export async function loadLiveMnist(): Promise<void> {
  if (loaded) return;
  const data = (await import('../data/mnist/live64.json')).default as Live64;
  const px = decodeBase64(data.pixels);
  const X = new Float64Array(px.length);
  for (let i = 0; i < px.length; i++) X[i] = (px[i] / 255 - 0.1307) / 0.3081;
  loaded = { X, labels: data.labels };
}

/** The first `count` images (count x 784, row-major) and their labels; loadLiveMnist must have run. */
export function liveMnist(count: number): { X: Float64Array; Y: Float64Array } {
  if (!loaded) throw new Error('the MNIST images are not loaded yet (LabRuntime.prepare runs before a run is built)');
  return { X: loaded.X.slice(0, count * 784), Y: Float64Array.from(loaded.labels.slice(0, count)) };
}
