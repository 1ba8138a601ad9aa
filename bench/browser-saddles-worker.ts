// Bundled by bench/browser.mjs into a dedicated worker in headless Chromium: times the Saddles GD loop there (wall
// clock of the worker) and sends back the final loss and parameter sum, which must equal Node's bit for bit.
import { gdFigure, runGdSteps } from './saddles-gd';

const hex = (x: number) => Array.from(new Uint8Array(Float64Array.of(x).buffer), (b) => b.toString(16).padStart(2, '0')).join('');

self.onmessage = (e: MessageEvent<{ id: string; steps: number; repeats: number }>) => {
  const { id, steps, repeats } = e.data;
  const s = gdFigure(id);
  let best = Number.POSITIVE_INFINITY;
  let last = { loss: 0, sum: 0 };
  for (let r = 0; r < repeats; r++) {
    const out = runGdSteps(s, steps, () => performance.now() / 1000);
    best = Math.min(best, out.seconds);
    last = out;
  }
  self.postMessage({ id, rate: steps / best, loss: hex(last.loss), sum: hex(last.sum) });
};
