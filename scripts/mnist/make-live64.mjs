// node scripts/mnist/make-live64.mjs: the first 64 images of the bundled subset (subset.u8 + subset.json) as one small
// JSON file (base64 pixels + labels) for the Flow vs Descent lab's live MNIST mode, loaded on demand by its runs.
import { readFileSync, writeFileSync } from 'node:fs';

const dir = new URL('../../src/labs/flow-vs-descent/data/mnist/', import.meta.url);
const COUNT = 64;
const pixels = readFileSync(new URL('subset.u8', dir)).subarray(0, COUNT * 784);
const { labels } = JSON.parse(readFileSync(new URL('subset.json', dir), 'utf8'));
const out = {
  version: 1,
  count: COUNT,
  width: 28,
  height: 28,
  source: 'the first 64 images of subset.u8 (see subset.json)',
  pixels: Buffer.from(pixels).toString('base64'),
  labels: labels.slice(0, COUNT),
};
writeFileSync(new URL('live64.json', dir), `${JSON.stringify(out)}\n`);
console.log(`wrote live64.json: ${COUNT} images`);
