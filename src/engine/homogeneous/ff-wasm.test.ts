import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { Rng } from '../core/rng';
import { spherePoints } from './data';
import { FeedForward } from './ff';
import { ffWasmInstance } from './ff-wasm';

/** The bytes of a float64 vector (so -0 and +0, and NaN payloads, count as different). */
const bits = (x: Float64Array) => Buffer.from(x.buffer, x.byteOffset, x.byteLength).toString('hex');

/**
 * Nets of every kernel path, with odd and even point counts and widths that are not multiples of the SIMD blocks:
 * the two-layer square net (quadratic form), deeper square nets, ReLU, leaky ReLU and cubic activations.
 */
const NETS = [
  { dims: [5, 7, 1], p: 2, alpha: 1, N: 9 },
  { dims: [6, 50, 1], p: 2, alpha: 1, N: 12 },
  { dims: [4, 5, 3, 1], p: 2, alpha: 1, N: 11 },
  { dims: [7, 50, 1], p: 1, alpha: 0, N: 10 },
  { dims: [5, 9, 13, 1], p: 1, alpha: 0, N: 7 },
  { dims: [3, 6, 1], p: 1, alpha: 0.2, N: 8 },
  { dims: [3, 5, 4, 1], p: 3, alpha: 0.5, N: 5 },
];

describe('FeedForward WebAssembly kernels', () => {
  it('load in Node', () => {
    expect(ffWasmInstance(16)).not.toBeNull();
  });

  it('are the committed build of wasm/ff-kernels.ts', () => {
    const check = spawnSync(process.execPath, ['wasm/build.mjs', '--check'], { encoding: 'utf8' });
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
  }, 120_000);

  for (const net of NETS) {
    it(`give the JavaScript kernels' bits: dims ${net.dims.join('-')}, p ${net.p}, alpha ${net.alpha}, ${net.N} points`, () => {
      const rng = new Rng(net.N * 31 + net.dims[1]);
      const X = spherePoints(rng, net.N, net.dims[0]);
      const y = Float64Array.from({ length: net.N }, () => rng.gauss());
      const opts = { dims: net.dims, p: net.p, alpha: net.alpha, X, y, loss: 'mse-mean' as const };
      const wasm = new FeedForward(opts);
      const js = new FeedForward({ ...opts, wasm: false });
      const theta = Float64Array.from({ length: wasm.n }, () => 0.3 * rng.gauss());
      // a few exact zeros: ReLU kinks and +-0 products must come out the same
      theta[0] = 0;
      theta[wasm.n - 1] = -0;
      const gW = new Float64Array(wasm.n);
      const gJ = new Float64Array(wasm.n);
      const run = (f: (m: FeedForward, g: Float64Array) => number) => {
        gW.fill(Number.NaN);
        gJ.fill(Number.NaN);
        const vW = f(wasm, gW);
        const vJ = f(js, gJ);
        expect(bits(gW)).toBe(bits(gJ));
        expect(Object.is(vW, vJ)).toBe(true);
        return vW;
      };
      // 20 GD steps, each comparing the gradient and loss of the two, then every other entry point
      const tW = Float64Array.from(theta);
      for (let step = 0; step < 20; step++) {
        const L = run((m, g) => m.grad(tW, g));
        expect(Number.isFinite(L)).toBe(true);
        for (let i = 0; i < tW.length; i++) tW[i] -= 0.02 * gW[i];
      }
      run((m, g) => m.gradBackprop(tW, g));
      run((m, g) => m.ncfGrad(tW, g));
      run((m, g) => m.ncfGradBackprop(tW, g));
      run((m, g) => m.outputGrad(tW, net.N - 1, g));
      run((m, g) => {
        m.outputs(tW, g.subarray(0, net.N));
        return m.loss(tW);
      });
    });
  }
});
