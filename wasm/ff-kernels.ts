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

/** out[i] = sum_m w[m * ws] rows[m * n + i] (i < n), in fours as ff.ts accumulateRows: the weighted sum of `count` rows. */
export function accRows(w: usize, ws: i32, count: i32, rows: usize, n: i32, out: usize): void {
  const wsb = (<usize>ws) << 3;
  const nb = (<usize>n) << 3;
  const n2 = n & ~1;
  let m = 0;
  if (count < 4) {
    memory.fill(out, 0, nb);
  } else {
    const x0 = load<f64>(w);
    const x1 = load<f64>(w + wsb);
    const x2 = load<f64>(w + 2 * wsb);
    const x3 = load<f64>(w + 3 * wsb);
    const v0 = f64x2.splat(x0);
    const v1 = f64x2.splat(x1);
    const v2 = f64x2.splat(x2);
    const v3 = f64x2.splat(x3);
    const r0 = rows;
    const r1 = r0 + nb;
    const r2 = r1 + nb;
    const r3 = r2 + nb;
    let i = 0;
    for (; i < n2; i += 2) {
      const o = (<usize>i) << 3;
      const s = f64x2.add(
        f64x2.add(f64x2.add(f64x2.mul(v0, v128.load(r0 + o)), f64x2.mul(v1, v128.load(r1 + o))), f64x2.mul(v2, v128.load(r2 + o))),
        f64x2.mul(v3, v128.load(r3 + o)),
      );
      v128.store(out + o, s);
    }
    if (i < n) {
      const o = (<usize>i) << 3;
      store<f64>(out + o, x0 * load<f64>(r0 + o) + x1 * load<f64>(r1 + o) + x2 * load<f64>(r2 + o) + x3 * load<f64>(r3 + o));
    }
    m = 4;
  }
  for (; m + 3 < count; m += 4) {
    const wm = w + <usize>m * wsb;
    const x0 = load<f64>(wm);
    const x1 = load<f64>(wm + wsb);
    const x2 = load<f64>(wm + 2 * wsb);
    const x3 = load<f64>(wm + 3 * wsb);
    const v0 = f64x2.splat(x0);
    const v1 = f64x2.splat(x1);
    const v2 = f64x2.splat(x2);
    const v3 = f64x2.splat(x3);
    const r0 = rows + <usize>m * nb;
    const r1 = r0 + nb;
    const r2 = r1 + nb;
    const r3 = r2 + nb;
    let i = 0;
    for (; i < n2; i += 2) {
      const o = (<usize>i) << 3;
      const s = f64x2.add(
        f64x2.add(f64x2.add(f64x2.mul(v0, v128.load(r0 + o)), f64x2.mul(v1, v128.load(r1 + o))), f64x2.mul(v2, v128.load(r2 + o))),
        f64x2.mul(v3, v128.load(r3 + o)),
      );
      v128.store(out + o, f64x2.add(v128.load(out + o), s));
    }
    if (i < n) {
      const o = (<usize>i) << 3;
      store<f64>(out + o, load<f64>(out + o) + (x0 * load<f64>(r0 + o) + x1 * load<f64>(r1 + o) + x2 * load<f64>(r2 + o) + x3 * load<f64>(r3 + o)));
    }
  }
  for (; m < count; m++) {
    const x = load<f64>(w + <usize>m * wsb);
    const v = f64x2.splat(x);
    const r = rows + <usize>m * nb;
    let i = 0;
    for (; i < n2; i += 2) {
      const o = (<usize>i) << 3;
      v128.store(out + o, f64x2.add(v128.load(out + o), f64x2.mul(v, v128.load(r + o))));
    }
    if (i < n) {
      const o = (<usize>i) << 3;
      store<f64>(out + o, load<f64>(out + o) + x * load<f64>(r + o));
    }
  }
}

/**
 * g[j * k + m] = sum_i a[j * n + i] rowsT[i * k + m] for j < count, m < k, each a sequential sum over i from 0 (as
 * ff.ts dotRows, whose rows are rowsT transposed): the outputs m in the lanes, eight at a time.
 */
export function dotRowsT(a: usize, count: i32, rowsT: usize, k: i32, n: i32, g: usize): void {
  const nb = (<usize>n) << 3;
  const kb = (<usize>k) << 3;
  const zero = f64x2.splat(0);
  for (let j = 0; j < count; j++) {
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
    if (m < k) {
      let s = 0.0;
      let p = rowsT + ((<usize>m) << 3);
      for (let i = 0; i < n; i++, p += kb) s += load<f64>(aj + ((<usize>i) << 3)) * load<f64>(p);
      store<f64>(gj + ((<usize>m) << 3), s);
    }
  }
}

/** z_j = W_l a_(l-1) row by row (W at theta + W, kout x kin row-major; prev unit-major kin x n). */
export function forwardLayer(theta: usize, kin: i32, kout: i32, prev: usize, n: i32, z: usize): void {
  const nb = (<usize>n) << 3;
  for (let j = 0; j < kout; j++) accRows(theta + ((<usize>j * <usize>kin) << 3), 1, kin, prev, n, z + <usize>j * nb);
}

/** down = W_l^T dl, column by column (as ff.ts backward). */
export function downLayer(theta: usize, kin: i32, kout: i32, dl: usize, n: i32, down: usize): void {
  const nb = (<usize>n) << 3;
  for (let m = 0; m < kin; m++) accRows(theta + ((<usize>m) << 3), kin, kout, dl, n, down + <usize>m * nb);
}

/**
 * a = s(z) for the k x n unit-major z, with its transpose aT (n x k, point-major) beside it: mode 0 the output layer
 * (a = z), 1 the square (z z), 2 max(z, alpha z)^p as ff.ts act.
 */
export function activate(z: usize, a: usize, aT: usize, k: i32, n: i32, mode: i32, p: f64, alpha: f64): void {
  for (let j = 0; j < k; j++)
    for (let i = 0; i < n; i++) {
      const zv = load<f64>(z + ((<usize>j * <usize>n + <usize>i) << 3));
      let v: f64;
      if (mode === 0) v = zv;
      else if (mode === 1) v = zv * zv;
      else {
        const w = zv > 0 ? zv : alpha * zv;
        v = p === 1 ? w : p === 2 ? w * w : w * w * w;
      }
      store<f64>(a + ((<usize>j * <usize>n + <usize>i) << 3), v);
      store<f64>(aT + ((<usize>i * <usize>k + <usize>j) << 3), v);
    }
}

/** down *= s'(z) elementwise: mode 1 the square (2 z), 2 as ff.ts dact. */
export function dactMul(down: usize, z: usize, len: i32, mode: i32, p: f64, alphaP: f64): void {
  for (let i = 0; i < len; i++) {
    const o = (<usize>i) << 3;
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
