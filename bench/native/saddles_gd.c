/*
 * Native baseline of the Saddles lab's full-batch GD (bench/saddles-kernels.ts builds it with the system compiler,
 * -O3 -march=native -ffp-contract=off, and runs it beside the JavaScript kernels). The same data layout and the
 * same float64 operations, in the same order, as src/engine/homogeneous/ff.ts: the general backprop (activations
 * unit-major, four rows per sweep over the points) and the two-layer square net's quadratic form. No fused
 * multiply-add (-ffp-contract=off), so its final loss matches the JavaScript run bit for bit.
 *
 * Usage: saddles_gd <problem file> <steps>. The problem file is float64 little-endian:
 *   depth, dims[0..depth], p, alpha, scale, N, lr, clip (0: plain GD, else eta = min(lr, clip / ||g||)), quad,
 *   X (N x d row-major), y (N), theta0 (n).
 * Prints: steps, seconds, steps/s, final loss (%a) and the sum of the final parameters (%a).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static int depth, N, nPar, quad, F;
static int dims[16], offs[16];
static double p, alpha, alphaP, scale, lr, clip;
static double *X, *y, *theta, *g;
static double *z[16], *a[16], *dl[16], *r;
/* quadratic-form path */
static double *QT, *A, *R, *Rfull, *tq, *WT, *BT, *H;

static double *zeros(size_t n) { return calloc(n ? n : 1, sizeof(double)); }

static void accumulate_rows(const double *w, int wOff, int count, const double *rows, int n, double *out, int o, int wStride) {
  int m = 0;
  if (count < 4) {
    for (int i = 0; i < n; i++) out[o + i] = 0;
  } else {
    const double x0 = w[wOff], x1 = w[wOff + wStride], x2 = w[wOff + 2 * wStride], x3 = w[wOff + 3 * wStride];
    for (int i = 0; i < n; i++) out[o + i] = x0 * rows[i] + x1 * rows[n + i] + x2 * rows[2 * n + i] + x3 * rows[3 * n + i];
    m = 4;
  }
  for (; m + 3 < count; m += 4) {
    const double *r0 = rows + m * n, *r1 = r0 + n, *r2 = r1 + n, *r3 = r2 + n;
    const double x0 = w[wOff + m * wStride], x1 = w[wOff + (m + 1) * wStride], x2 = w[wOff + (m + 2) * wStride], x3 = w[wOff + (m + 3) * wStride];
    for (int i = 0; i < n; i++) out[o + i] += x0 * r0[i] + x1 * r1[i] + x2 * r2[i] + x3 * r3[i];
  }
  for (; m < count; m++) {
    const double *rr = rows + m * n;
    const double x = w[wOff + m * wStride];
    for (int i = 0; i < n; i++) out[o + i] += x * rr[i];
  }
}

static void dot_rows(const double *av, int aOff, const double *rows, int count, int n, double *out, int gOff) {
  int m = 0;
  for (; m + 3 < count; m += 4) {
    const double *r0 = rows + m * n, *r1 = r0 + n, *r2 = r1 + n, *r3 = r2 + n;
    double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
    for (int i = 0; i < n; i++) {
      const double ai = av[aOff + i];
      s0 += ai * r0[i];
      s1 += ai * r1[i];
      s2 += ai * r2[i];
      s3 += ai * r3[i];
    }
    out[gOff + m] = s0;
    out[gOff + m + 1] = s1;
    out[gOff + m + 2] = s2;
    out[gOff + m + 3] = s3;
  }
  for (; m < count; m++) {
    const double *rr = rows + m * n;
    double s = 0;
    for (int i = 0; i < n; i++) s += av[aOff + i] * rr[i];
    out[gOff + m] = s;
  }
}

static double residuals(const double *Hv, double *rv) {
  double value = 0;
  for (int i = 0; i < N; i++) {
    const double e = Hv[i] - y[i];
    value += e * e;
    rv[i] = 2 * scale * e;
  }
  return scale * value;
}

static double act(double zv) {
  const double w = zv > 0 ? zv : alpha * zv;
  return p == 1 ? w : p == 2 ? w * w : w * w * w;
}

static double dact(double zv) {
  const double pw = p == 1 ? 1 : p == 2 ? zv : zv * zv;
  return zv > 0 ? p * pw : p * alphaP * pw;
}

static double grad_backprop(void) {
  const int sq = p == 2 && alpha == 1;
  for (int l = 1; l <= depth; l++) {
    const int kin = dims[l - 1], kout = dims[l];
    for (int j = 0; j < kout; j++) accumulate_rows(theta, offs[l - 1] + j * kin, kin, a[l - 1], N, z[l], j * N, 1);
    const int len = kout * N;
    if (l == depth)
      for (int i = 0; i < len; i++) a[l][i] = z[l][i];
    else if (sq)
      for (int i = 0; i < len; i++) a[l][i] = z[l][i] * z[l][i];
    else
      for (int i = 0; i < len; i++) a[l][i] = act(z[l][i]);
  }
  const double loss = residuals(a[depth], r);
  for (int i = 0; i < N; i++) dl[depth][i] = r[i];
  for (int l = depth; l >= 1; l--) {
    const int kin = dims[l - 1], kout = dims[l];
    const int W = offs[l - 1];
    for (int j = 0; j < kout; j++) dot_rows(dl[l], j * N, a[l - 1], kin, N, g, W + j * kin);
    if (l == 1) break;
    double *down = dl[l - 1];
    for (int m = 0; m < kin; m++) accumulate_rows(theta, W + m, kout, dl[l], N, down, m * N, kin);
    const double *zl = z[l - 1];
    const int len = kin * N;
    if (sq)
      for (int i = 0; i < len; i++) down[i] *= 2 * zl[i];
    else
      for (int i = 0; i < len; i++) down[i] *= dact(zl[i]);
  }
  return loss;
}

static void quad_form(int d, int k) {
  const int vOff = k * d;
  for (int j = 0; j < k; j++) {
    const double v = theta[vOff + j];
    for (int m = 0; m < d; m++) {
      const double w = theta[j * d + m];
      WT[m * k + j] = w;
      BT[m * k + j] = v * w;
    }
  }
  int f = 0;
  for (int m = 0; m < d; m++) {
    const int bo = m * k;
    int c = m;
    for (; c + 1 < d; c += 2, f += 2) {
      const int wo = c * k, wp = wo + k;
      double s0 = 0, s1 = 0, p0 = 0, p1 = 0;
      int j = 0;
      for (; j + 1 < k; j += 2) {
        const double b0 = BT[bo + j], b1 = BT[bo + j + 1];
        s0 += b0 * WT[wo + j];
        s1 += b1 * WT[wo + j + 1];
        p0 += b0 * WT[wp + j];
        p1 += b1 * WT[wp + j + 1];
      }
      if (j < k) {
        s0 += BT[bo + j] * WT[wo + j];
        p0 += BT[bo + j] * WT[wp + j];
      }
      const double s = s0 + s1;
      A[f] = c == m ? s : 2 * s;
      A[f + 1] = 2 * (p0 + p1);
    }
    if (c < d) {
      const int wo = c * k;
      double s = 0;
      for (int j = 0; j < k; j++) s += BT[bo + j] * WT[wo + j];
      A[f++] = c == m ? s : 2 * s;
    }
  }
}

static void neuron_grads(int d, int k) {
  const int vOff = k * d;
  int j = 0;
  for (; j + 3 < k; j += 4) {
    const int a0 = j * d, b = a0 + d, c2 = b + d, e = c2 + d;
    double av = 0, bv = 0, cv = 0, ev = 0;
    for (int m = 0; m < d; m++) {
      const int ro = m * d;
      double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
      for (int c = 0; c < d; c++) {
        const double rv = Rfull[ro + c];
        s0 += rv * theta[a0 + c];
        s1 += rv * theta[b + c];
        s2 += rv * theta[c2 + c];
        s3 += rv * theta[e + c];
      }
      tq[m] = s0;
      tq[d + m] = s1;
      tq[2 * d + m] = s2;
      tq[3 * d + m] = s3;
      av += s0 * theta[a0 + m];
      bv += s1 * theta[b + m];
      cv += s2 * theta[c2 + m];
      ev += s3 * theta[e + m];
    }
    const double va = 2 * theta[vOff + j], vb = 2 * theta[vOff + j + 1], vc = 2 * theta[vOff + j + 2], ve = 2 * theta[vOff + j + 3];
    for (int m = 0; m < d; m++) {
      g[a0 + m] = va * tq[m];
      g[b + m] = vb * tq[d + m];
      g[c2 + m] = vc * tq[2 * d + m];
      g[e + m] = ve * tq[3 * d + m];
    }
    g[vOff + j] = av;
    g[vOff + j + 1] = bv;
    g[vOff + j + 2] = cv;
    g[vOff + j + 3] = ev;
  }
  for (; j < k; j++) {
    const int a0 = j * d;
    double av = 0;
    for (int m = 0; m < d; m++) {
      double s = 0;
      for (int c = 0; c < d; c++) s += Rfull[m * d + c] * theta[a0 + c];
      tq[m] = s;
      av += s * theta[a0 + m];
    }
    const double va = 2 * theta[vOff + j];
    for (int m = 0; m < d; m++) g[a0 + m] = va * tq[m];
    g[vOff + j] = av;
  }
}

static double grad_quad(void) {
  const int d = dims[0], k = dims[1];
  quad_form(d, k);
  accumulate_rows(A, 0, F, QT, N, H, 0, 1);
  const double value = residuals(H, r);
  dot_rows(r, 0, QT, F, N, R, 0);
  int f = 0;
  for (int m = 0; m < d; m++)
    for (int c = m; c < d; c++, f++) {
      Rfull[m * d + c] = R[f];
      Rfull[c * d + m] = R[f];
    }
  neuron_grads(d, k);
  return value;
}

static double grad(void) { return quad ? grad_quad() : grad_backprop(); }

int main(int argc, char **argv) {
  if (argc < 3) {
    fprintf(stderr, "usage: %s <problem file> <steps>\n", argv[0]);
    return 2;
  }
  FILE *fp = fopen(argv[1], "rb");
  if (!fp) return 2;
  fseek(fp, 0, SEEK_END);
  const long bytes = ftell(fp);
  fseek(fp, 0, SEEK_SET);
  double *buf = malloc(bytes);
  if (fread(buf, 1, bytes, fp) != (size_t)bytes) return 2;
  fclose(fp);
  const long steps = atol(argv[2]);
  int q = 0;
  depth = (int)buf[q++];
  for (int l = 0; l <= depth; l++) dims[l] = (int)buf[q++];
  p = buf[q++];
  alpha = buf[q++];
  scale = buf[q++];
  N = (int)buf[q++];
  lr = buf[q++];
  clip = buf[q++];
  quad = (int)buf[q++];
  alphaP = pow(alpha, p);
  const int d = dims[0];
  X = buf + q;
  q += N * d;
  y = buf + q;
  q += N;
  nPar = 0;
  for (int l = 1; l <= depth; l++) {
    offs[l - 1] = nPar;
    nPar += dims[l] * dims[l - 1];
  }
  theta = buf + q;
  g = zeros(nPar);
  r = zeros(N);
  for (int l = 0; l <= depth; l++) {
    z[l] = zeros((size_t)dims[l] * N);
    a[l] = zeros((size_t)dims[l] * N);
    dl[l] = zeros((size_t)dims[l] * N);
  }
  for (int i = 0; i < N; i++)
    for (int m = 0; m < d; m++) a[0][m * N + i] = X[i * d + m];
  if (quad) {
    const int k = dims[1];
    F = d * (d + 1) / 2;
    QT = zeros((size_t)F * N);
    A = zeros(F);
    R = zeros(F);
    Rfull = zeros(d * d);
    tq = zeros(4 * d);
    WT = zeros(d * k);
    BT = zeros(d * k);
    H = zeros(N);
    for (int i = 0; i < N; i++) {
      int f = 0;
      for (int m = 0; m < d; m++)
        for (int c = m; c < d; c++, f++) QT[f * N + i] = X[i * d + m] * X[i * d + c];
    }
  }
  double loss = grad();
  struct timespec t0, t1;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t0);
  for (long s = 0; s < steps; s++) {
    double eta = lr;
    if (clip > 0) {
      double ss = 0;
      for (int i = 0; i < nPar; i++) ss += g[i] * g[i];
      const double gn = sqrt(ss);
      eta = gn > 0 ? fmin(lr, clip / gn) : lr;
    }
    for (int i = 0; i < nPar; i++) theta[i] -= eta * g[i];
    loss = grad();
  }
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t1);
  const double sec = (double)(t1.tv_sec - t0.tv_sec) + 1e-9 * (double)(t1.tv_nsec - t0.tv_nsec);
  double sum = 0;
  for (int i = 0; i < nPar; i++) sum += theta[i];
  printf("%ld %.6f %.1f %a %a\n", steps, sec, (double)steps / sec, loss, sum);
  return 0;
}
