// AssemblyScript source of the Saddles lab's GD kernels (src/engine/homogeneous/ff-wasm.ts loads the module;
// `npm run build:wasm` compiles it with 128-bit SIMD, no relaxed SIMD, into src/engine/homogeneous/ff-wasm-binary.ts).
//
// Every output element is computed with the float64 operations of ff.ts's JavaScript kernels in the same order, so
// the two agree bit for bit: sums over data points run in the same grouping with the points in the two lanes of a
// vector, and the sequential dot products run with independent outputs (rows, features, neurons) in the lanes,
// each lane summing in the original order. No fused multiply-add exists in this instruction set.
//
// Pointers are byte offsets into the imported memory; counts and strides are in float64 elements.

// @ts-nocheck -- AssemblyScript types (f64, i32, usize, v128) and builtins, compiled by asc, not by tsc

/** ((x0 r0 + x1 r1) + x2 r2) + x3 r3 at byte offset o of four consecutive rows (nb bytes apart). */
function group4(v0: v128, v1: v128, v2: v128, v3: v128, r: usize, nb: usize, o: usize): v128 {
  return f64x2.add(
    f64x2.add(f64x2.add(f64x2.mul(v0, v128.load(r + o)), f64x2.mul(v1, v128.load(r + nb + o))), f64x2.mul(v2, v128.load(r + 2 * nb + o))),
    f64x2.mul(v3, v128.load(r + 3 * nb + o)),
  );
}

function group4s(w: usize, wsb: usize, r: usize, nb: usize, o: usize): f64 {
  return (
    load<f64>(w) * load<f64>(r + o) +
    load<f64>(w + wsb) * load<f64>(r + nb + o) +
    load<f64>(w + 2 * wsb) * load<f64>(r + 2 * nb + o) +
    load<f64>(w + 3 * wsb) * load<f64>(r + 3 * nb + o)
  );
}

/**
 * out[i] = sum_m w[m * ws] rows[m * n + i] (i < n), in fours as ff.ts accumulateRows: the first four rows' sum, plus
 * each further four's sum, plus the rows left one by one (zero first when there are fewer than four). Eight
 * points at a time stay in registers across all rows; the weights are splatted once into ws2 (16 bytes each).
 */
export function accRows(w: usize, ws: i32, count: i32, rows: usize, n: i32, out: usize, ws2: usize): void {
  const wsb = (<usize>ws) << 3;
  const nb = (<usize>n) << 3;
  const g4 = count < 4 ? 0 : count & ~3;
  const zero = f64x2.splat(0);
  for (let m = 0; m < count; m++) v128.store(ws2 + ((<usize>m) << 4), f64x2.splat(load<f64>(w + <usize>m * wsb)));
  let i = 0;
  for (; i + 7 < n; i += 8) {
    const o = (<usize>i) << 3;
    let a0 = zero;
    let a1 = zero;
    let a2 = zero;
    let a3 = zero;
    let wm = ws2;
    let r = rows + o;
    for (let m = 0; m < g4; m += 4, wm += 64, r += 4 * nb) {
      const v0 = v128.load(wm);
      const v1 = v128.load(wm, 16);
      const v2 = v128.load(wm, 32);
      const v3 = v128.load(wm, 48);
      const s0 = group4(v0, v1, v2, v3, r, nb, 0);
      const s1 = group4(v0, v1, v2, v3, r, nb, 16);
      const s2 = group4(v0, v1, v2, v3, r, nb, 32);
      const s3 = group4(v0, v1, v2, v3, r, nb, 48);
      if (m === 0) {
        a0 = s0;
        a1 = s1;
        a2 = s2;
        a3 = s3;
      } else {
        a0 = f64x2.add(a0, s0);
        a1 = f64x2.add(a1, s1);
        a2 = f64x2.add(a2, s2);
        a3 = f64x2.add(a3, s3);
      }
    }
    for (let m = g4; m < count; m++, wm += 16, r += nb) {
      const x = v128.load(wm);
      a0 = f64x2.add(a0, f64x2.mul(x, v128.load(r)));
      a1 = f64x2.add(a1, f64x2.mul(x, v128.load(r, 16)));
      a2 = f64x2.add(a2, f64x2.mul(x, v128.load(r, 32)));
      a3 = f64x2.add(a3, f64x2.mul(x, v128.load(r, 48)));
    }
    v128.store(out + o, a0);
    v128.store(out + o, a1, 16);
    v128.store(out + o, a2, 32);
    v128.store(out + o, a3, 48);
  }
  for (; i + 1 < n; i += 2) {
    const o = (<usize>i) << 3;
    let a0 = zero;
    let wm = ws2;
    let r = rows + o;
    for (let m = 0; m < g4; m += 4, wm += 64, r += 4 * nb) {
      const s0 = group4(v128.load(wm), v128.load(wm, 16), v128.load(wm, 32), v128.load(wm, 48), r, nb, 0);
      a0 = m === 0 ? s0 : f64x2.add(a0, s0);
    }
    for (let m = g4; m < count; m++, wm += 16, r += nb) a0 = f64x2.add(a0, f64x2.mul(v128.load(wm), v128.load(r)));
    v128.store(out + o, a0);
  }
  if (i < n) {
    const o = (<usize>i) << 3;
    let a = 0.0;
    for (let m = 0; m < g4; m += 4) {
      const s = group4s(w + <usize>m * wsb, wsb, rows + <usize>m * nb, nb, o);
      a = m === 0 ? s : a + s;
    }
    for (let m = g4; m < count; m++) a += load<f64>(w + <usize>m * wsb) * load<f64>(rows + <usize>m * nb + o);
    store<f64>(out + o, a);
  }
}

/**
 * g[j * k + m] = sum_i a[j * n + i] rowsT[i * k + m] for j < count, m < k, each a sequential sum over i from 0 (as
 * ff.ts dotRows, whose rows are rowsT transposed): the outputs m in the lanes, four j by four m at a time (eight
 * independent sums), then the j left one by one, eight m at a time.
 */
export function dotRowsT(a: usize, count: i32, rowsT: usize, k: i32, n: i32, g: usize): void {
  const nb = (<usize>n) << 3;
  const kb = (<usize>k) << 3;
  const zero = f64x2.splat(0);
  let j = 0;
  for (; j + 3 < count; j += 4) {
    const aj = a + <usize>j * nb;
    const gj = g + <usize>j * kb;
    let m = 0;
    for (; m + 3 < k; m += 4) {
      let s00 = zero;
      let s01 = zero;
      let s10 = zero;
      let s11 = zero;
      let s20 = zero;
      let s21 = zero;
      let s30 = zero;
      let s31 = zero;
      let p = rowsT + ((<usize>m) << 3);
      for (let i = 0; i < n; i++, p += kb) {
        const ai = aj + ((<usize>i) << 3);
        const r0 = v128.load(p);
        const r1 = v128.load(p, 16);
        const b0 = f64x2.splat(load<f64>(ai));
        const b1 = f64x2.splat(load<f64>(ai + nb));
        const b2 = f64x2.splat(load<f64>(ai + 2 * nb));
        const b3 = f64x2.splat(load<f64>(ai + 3 * nb));
        s00 = f64x2.add(s00, f64x2.mul(b0, r0));
        s01 = f64x2.add(s01, f64x2.mul(b0, r1));
        s10 = f64x2.add(s10, f64x2.mul(b1, r0));
        s11 = f64x2.add(s11, f64x2.mul(b1, r1));
        s20 = f64x2.add(s20, f64x2.mul(b2, r0));
        s21 = f64x2.add(s21, f64x2.mul(b2, r1));
        s30 = f64x2.add(s30, f64x2.mul(b3, r0));
        s31 = f64x2.add(s31, f64x2.mul(b3, r1));
      }
      const go = gj + ((<usize>m) << 3);
      v128.store(go, s00);
      v128.store(go, s01, 16);
      v128.store(go + kb, s10);
      v128.store(go + kb, s11, 16);
      v128.store(go + 2 * kb, s20);
      v128.store(go + 2 * kb, s21, 16);
      v128.store(go + 3 * kb, s30);
      v128.store(go + 3 * kb, s31, 16);
    }
    for (; m + 1 < k; m += 2) {
      let s0 = zero;
      let s1 = zero;
      let s2 = zero;
      let s3 = zero;
      let p = rowsT + ((<usize>m) << 3);
      for (let i = 0; i < n; i++, p += kb) {
        const ai = aj + ((<usize>i) << 3);
        const r0 = v128.load(p);
        s0 = f64x2.add(s0, f64x2.mul(f64x2.splat(load<f64>(ai)), r0));
        s1 = f64x2.add(s1, f64x2.mul(f64x2.splat(load<f64>(ai + nb)), r0));
        s2 = f64x2.add(s2, f64x2.mul(f64x2.splat(load<f64>(ai + 2 * nb)), r0));
        s3 = f64x2.add(s3, f64x2.mul(f64x2.splat(load<f64>(ai + 3 * nb)), r0));
      }
      const go = gj + ((<usize>m) << 3);
      v128.store(go, s0);
      v128.store(go + kb, s1);
      v128.store(go + 2 * kb, s2);
      v128.store(go + 3 * kb, s3);
    }
    if (m < k) for (let jj = 0; jj < 4; jj++) store<f64>(gj + <usize>jj * kb + ((<usize>m) << 3), dotColumn(aj + <usize>jj * nb, rowsT + ((<usize>m) << 3), kb, n));
  }
  for (; j < count; j++) {
    const aj = a + <usize>j * nb;
    const gj = g + <usize>j * kb;
    let m = 0;
    for (; m + 7 < k; m += 8) {
      let s0 = zero;
      let s1 = zero;
      let s2 = zero;
      let s3 = zero;
      let p = rowsT + ((<usize>m) << 3);
      for (let i = 0; i < n; i++, p += kb) {
        const ai = f64x2.splat(load<f64>(aj + ((<usize>i) << 3)));
        s0 = f64x2.add(s0, f64x2.mul(ai, v128.load(p)));
        s1 = f64x2.add(s1, f64x2.mul(ai, v128.load(p, 16)));
        s2 = f64x2.add(s2, f64x2.mul(ai, v128.load(p, 32)));
        s3 = f64x2.add(s3, f64x2.mul(ai, v128.load(p, 48)));
      }
      const go = gj + ((<usize>m) << 3);
      v128.store(go, s0);
      v128.store(go, s1, 16);
      v128.store(go, s2, 32);
      v128.store(go, s3, 48);
    }
    for (; m + 1 < k; m += 2) {
      let s0 = zero;
      let p = rowsT + ((<usize>m) << 3);
      for (let i = 0; i < n; i++, p += kb) s0 = f64x2.add(s0, f64x2.mul(f64x2.splat(load<f64>(aj + ((<usize>i) << 3))), v128.load(p)));
      v128.store(gj + ((<usize>m) << 3), s0);
    }
    if (m < k) store<f64>(gj + ((<usize>m) << 3), dotColumn(aj, rowsT + ((<usize>m) << 3), kb, n));
  }
}

/** sum_i a[i] col[i * kb bytes], sequentially from 0. */
function dotColumn(a: usize, col: usize, kb: usize, n: i32): f64 {
  let s = 0.0;
  for (let i = 0; i < n; i++, col += kb) s += load<f64>(a + ((<usize>i) << 3)) * load<f64>(col);
  return s;
}

/** z_j = W_l a_(l-1) row by row (W at theta + W, kout x kin row-major; prev unit-major kin x n). */
export function forwardLayer(theta: usize, kin: i32, kout: i32, prev: usize, n: i32, z: usize, ws2: usize): void {
  const nb = (<usize>n) << 3;
  for (let j = 0; j < kout; j++) accRows(theta + ((<usize>j * <usize>kin) << 3), 1, kin, prev, n, z + <usize>j * nb, ws2);
}

/** down = W_l^T dl, column by column (as ff.ts backward). */
export function downLayer(theta: usize, kin: i32, kout: i32, dl: usize, n: i32, down: usize, ws2: usize): void {
  const nb = (<usize>n) << 3;
  for (let m = 0; m < kin; m++) accRows(theta + ((<usize>m) << 3), kin, kout, dl, n, down + <usize>m * nb, ws2);
}

/**
 * a = s(z) for the k x n unit-major z, with its transpose aT (n x k, point-major) beside it: mode 0 the output layer
 * (a = z), 1 the square (z z), 2 max(z, alpha z)^p as ff.ts act (p 1, 2, else 3), branch-free.
 */
export function activate(z: usize, a: usize, aT: usize, k: i32, n: i32, mode: i32, p: f64, alpha: f64): void {
  const len = k * n;
  const len2 = len & ~1;
  const al = f64x2.splat(alpha);
  const zero = f64x2.splat(0);
  for (let i = 0; i < len2; i += 2) {
    const o = (<usize>i) << 3;
    const zv = v128.load(z + o);
    let v = zv;
    if (mode === 1) v = f64x2.mul(zv, zv);
    else if (mode === 2) {
      const w = v128.bitselect(zv, f64x2.mul(al, zv), f64x2.gt(zv, zero));
      v = p === 1 ? w : p === 2 ? f64x2.mul(w, w) : f64x2.mul(f64x2.mul(w, w), w);
    }
    v128.store(a + o, v);
  }
  if (len2 < len) {
    const o = (<usize>len2) << 3;
    const zv = load<f64>(z + o);
    let v = zv;
    if (mode === 1) v = zv * zv;
    else if (mode === 2) {
      const w = zv > 0 ? zv : alpha * zv;
      v = p === 1 ? w : p === 2 ? w * w : w * w * w;
    }
    store<f64>(a + o, v);
  }
  const kb = (<usize>k) << 3;
  for (let j = 0; j < k; j++) {
    const src = a + <usize>j * ((<usize>n) << 3);
    let dst = aT + ((<usize>j) << 3);
    for (let i = 0; i < n; i++, dst += kb) store<f64>(dst, load<f64>(src + ((<usize>i) << 3)));
  }
}

/** down *= s'(z) elementwise: mode 1 the square (2 z), 2 as ff.ts dact (p pw, or (p alpha^p) pw below zero), branch-free. */
export function dactMul(down: usize, z: usize, len: i32, mode: i32, p: f64, alphaP: f64): void {
  const len2 = len & ~1;
  const two = f64x2.splat(2);
  const one = f64x2.splat(1);
  const zero = f64x2.splat(0);
  const pv = f64x2.splat(p);
  const pa = f64x2.splat(p * alphaP);
  for (let i = 0; i < len2; i += 2) {
    const o = (<usize>i) << 3;
    const zv = v128.load(z + o);
    let f: v128;
    if (mode === 1) f = f64x2.mul(two, zv);
    else {
      const pw = p === 1 ? one : p === 2 ? zv : f64x2.mul(zv, zv);
      f = v128.bitselect(f64x2.mul(pv, pw), f64x2.mul(pa, pw), f64x2.gt(zv, zero));
    }
    v128.store(down + o, f64x2.mul(v128.load(down + o), f));
  }
  if (len2 < len) {
    const o = (<usize>len2) << 3;
    const zv = load<f64>(z + o);
    let f: f64;
    if (mode === 1) f = 2 * zv;
    else {
      const pw = p === 1 ? 1 : p === 2 ? zv : zv * zv;
      f = zv > 0 ? p * pw : p * alphaP * pw;
    }
    store<f64>(down + o, load<f64>(down + o) * f);
  }
}

/**
 * A = sum_j v_j a_j a_j^T, packed upper triangle with the off-diagonal doubled (ff.ts quadForm): WT[m][j] = a_jm,
 * BT[m][j] = v_j a_jm; the pairwise sums over neurons (even j, odd j) are the two lanes.
 */
export function quadForm(theta: usize, d: i32, k: i32, WT: usize, BT: usize, A: usize): void {
  const vOff = theta + ((<usize>k * <usize>d) << 3);
  const kb = (<usize>k) << 3;
  for (let j = 0; j < k; j++) {
    const v = load<f64>(vOff + ((<usize>j) << 3));
    for (let m = 0; m < d; m++) {
      const w = load<f64>(theta + ((<usize>j * <usize>d + <usize>m) << 3));
      const o = (<usize>m * <usize>k + <usize>j) << 3;
      store<f64>(WT + o, w);
      store<f64>(BT + o, v * w);
    }
  }
  const k2 = k & ~1;
  let f = 0;
  for (let m = 0; m < d; m++) {
    const bo = BT + <usize>m * kb;
    let c = m;
    for (; c + 1 < d; c += 2, f += 2) {
      const wo = WT + <usize>c * kb;
      const wp = wo + kb;
      let s = f64x2.splat(0);
      let q = f64x2.splat(0);
      for (let j = 0; j < k2; j += 2) {
        const o = (<usize>j) << 3;
        const b = v128.load(bo + o);
        s = f64x2.add(s, f64x2.mul(b, v128.load(wo + o)));
        q = f64x2.add(q, f64x2.mul(b, v128.load(wp + o)));
      }
      let s0 = f64x2.extract_lane(s, 0);
      let p0 = f64x2.extract_lane(q, 0);
      if (k2 < k) {
        const o = (<usize>k2) << 3;
        s0 += load<f64>(bo + o) * load<f64>(wo + o);
        p0 += load<f64>(bo + o) * load<f64>(wp + o);
      }
      const sv = s0 + f64x2.extract_lane(s, 1);
      store<f64>(A + ((<usize>f) << 3), c === m ? sv : 2 * sv);
      store<f64>(A + ((<usize>(f + 1)) << 3), 2 * (p0 + f64x2.extract_lane(q, 1)));
    }
    if (c < d) {
      const wo = WT + <usize>c * kb;
      let s = 0.0;
      for (let j = 0; j < k; j++) s += load<f64>(bo + ((<usize>j) << 3)) * load<f64>(wo + ((<usize>j) << 3));
      store<f64>(A + ((<usize>f) << 3), c === m ? s : 2 * s);
      f++;
    }
  }
}

/**
 * grad a_j = 2 v_j R a_j, grad v_j = a_j^T R a_j (ff.ts neuronGrads): each neuron's sums run over c and then m in
 * the original order, with the neurons in the lanes (WT from quadForm: WT[c][j] = a_jc). T (d x k) is scratch.
 */
export function neuronGrads(theta: usize, d: i32, k: i32, R: usize, WT: usize, T: usize, g: usize): void {
  const vOff = theta + ((<usize>k * <usize>d) << 3);
  const kb = (<usize>k) << 3;
  const db = (<usize>d) << 3;
  const zero = f64x2.splat(0);
  let j = 0;
  for (; j + 3 < k; j += 4) {
    const jb = (<usize>j) << 3;
    let av0 = zero;
    let av1 = zero;
    for (let m = 0; m < d; m++) {
      const ro = R + <usize>m * db;
      let s0 = zero;
      let s1 = zero;
      let p = WT + jb;
      for (let c = 0; c < d; c++, p += kb) {
        const rv = f64x2.splat(load<f64>(ro + ((<usize>c) << 3)));
        s0 = f64x2.add(s0, f64x2.mul(rv, v128.load(p)));
        s1 = f64x2.add(s1, f64x2.mul(rv, v128.load(p, 16)));
      }
      const wm = WT + <usize>m * kb + jb;
      av0 = f64x2.add(av0, f64x2.mul(s0, v128.load(wm)));
      av1 = f64x2.add(av1, f64x2.mul(s1, v128.load(wm, 16)));
      const to = T + <usize>m * kb + jb;
      v128.store(to, s0);
      v128.store(to, s1, 16);
    }
    v128.store(g + ((<usize>k * <usize>d) << 3) + jb, av0);
    v128.store(g + ((<usize>k * <usize>d) << 3) + jb, av1, 16);
  }
  for (; j < k; j++) {
    const jb = (<usize>j) << 3;
    let av = 0.0;
    for (let m = 0; m < d; m++) {
      const ro = R + <usize>m * db;
      let s = 0.0;
      for (let c = 0; c < d; c++) s += load<f64>(ro + ((<usize>c) << 3)) * load<f64>(WT + <usize>c * kb + jb);
      store<f64>(T + <usize>m * kb + jb, s);
      av += s * load<f64>(WT + <usize>m * kb + jb);
    }
    store<f64>(g + ((<usize>k * <usize>d) << 3) + jb, av);
  }
  for (let jj = 0; jj < k; jj++) {
    const va = 2 * load<f64>(vOff + ((<usize>jj) << 3));
    for (let m = 0; m < d; m++) store<f64>(g + ((<usize>jj * <usize>d + <usize>m) << 3), va * load<f64>(T + ((<usize>m * <usize>k + <usize>jj) << 3)));
  }
}
