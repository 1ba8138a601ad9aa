import { FF_WASM_BASE64 } from './ff-wasm-binary';

/**
 * The WebAssembly kernels of FeedForward (wasm/ff-kernels.ts, 128-bit SIMD): the same float64 operations in the same
 * order as ff.ts's JavaScript kernels, hence the same bits in Node, in workers and on the page. Pointers are byte
 * offsets into the instance's memory; ws2 is scratch for the splatted weights of one weighted row sum (2 float64 per row).
 */
export interface FfWasmExports {
  accRows(w: number, ws: number, count: number, rows: number, n: number, out: number, ws2: number): void;
  dotRowsT(a: number, count: number, rowsT: number, k: number, n: number, g: number): void;
  forwardLayer(theta: number, kin: number, kout: number, prev: number, n: number, z: number, ws2: number): void;
  downLayer(theta: number, kin: number, kout: number, dl: number, n: number, down: number, ws2: number): void;
  activate(z: number, a: number, aT: number, k: number, n: number, mode: number, p: number, alpha: number): void;
  dactMul(down: number, z: number, len: number, mode: number, p: number, alphaP: number): void;
  quadForm(theta: number, d: number, k: number, WT: number, BT: number, A: number): void;
  neuronGrads(theta: number, d: number, k: number, R: number, WT: number, T: number, g: number): void;
}

/** The slice of the WebAssembly API used here (the engine is compiled without DOM types). */
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: FfWasmExports };
  Memory: new (d: { initial: number }) => { buffer: ArrayBuffer };
}

let compiled: object | null | undefined;

function wasmModule(): object | null {
  if (compiled !== undefined) return compiled;
  compiled = null;
  const api = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;
  if (!api) return null;
  try {
    compiled = new api.Module(decodeBase64(FF_WASM_BASE64));
  } catch {
    // no SIMD, or a page whose synchronous compile is refused: the JavaScript kernels give the same numbers
  }
  return compiled;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function decodeBase64(s: string): Uint8Array {
  const clean = s.replace(/=+$/, '');
  const out = new Uint8Array((clean.length * 3) >> 2);
  let bits = 0;
  let acc = 0;
  let o = 0;
  for (let i = 0; i < clean.length; i++) {
    acc = ((acc << 6) | B64.indexOf(clean[i])) & 0xffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >> bits) & 255;
    }
  }
  return out;
}

/** A private instance of the kernels with `doubles` float64 of zeroed memory, or null where WebAssembly is not usable. */
export function ffWasmInstance(doubles: number): { exports: FfWasmExports; heap: Float64Array } | null {
  const mod = wasmModule();
  if (!mod) return null;
  const api = (globalThis as { WebAssembly?: WasmApi }).WebAssembly!;
  const memory = new api.Memory({ initial: Math.max(1, Math.ceil((doubles * 8) / 65536)) });
  const instance = new api.Instance(mod, { env: { memory } });
  return { exports: instance.exports, heap: new Float64Array(memory.buffer, 0, doubles) };
}
