import type { Problem } from './problem';
import { blockValues } from './problem';
import type { Integrator, StepResult } from './integrators/types';
import { Recorder, type RecordBatch } from './recorder';
import { log, log1p, pow } from './det-math';

export type StopReason = 'converged' | 'max-steps' | 'max-time' | 'diverged' | 'periodic' | 'solver-failed' | 'model-failed' | 'stopped';

export interface StopRule {
  lossBelow: number;
  maxSteps: number;
  maxTime: number;
  /** Steps still run after the loss first falls below lossBelow. */
  extraSteps?: number;
}

/** How snapshots are spaced: every N steps (discrete methods) or log-spaced in flow time. */
export type RecordRule = { kind: 'steps'; every: number } | { kind: 'log-time'; perDecade: number };

export interface FinalState {
  step: number;
  time: number;
  loss: number;
  params: Record<string, number[]>;
  metrics: Record<string, number>;
  stop: StopState;
}

export interface StopState {
  reason: StopReason;
  message: string;
  /** Step at which the loss first fell below the threshold, when it did. */
  convergedStep?: number;
  /** Period of the orbit a 'periodic' run settled on (Problem.cycleDetector). */
  period?: number;
}

export interface RunStatus {
  t: number;
  steps: number;
  loss: number;
  /** Rough fraction done in [0, 1], for progress bars. */
  progress: number;
  done: boolean;
  stop: StopState | null;
  info: Record<string, number | string>;
}

/** A parameter this large means the run has blown up (the models' minima are O(1)). */
const BLOW_UP = 1e8;

/**
 * One training run: an integrator on a problem, with stop rules and a recorder. It advances in slices so a
 * worker can stream and stay responsive; Node tests and the CLI call runToEnd().
 */
export class Run {
  readonly recorder: Recorder;
  private stopState: StopState | null = null;
  private readonly metricBuf: Float64Array;
  private nextRecordStep: number;
  private nextRecordTime = 0;
  private readonly loss0: number;
  /** Step at which the loss first fell below lossBelow (runs with extraSteps go on from there). */
  private convergedAt: { step: number; t: number; loss: number } | null = null;
  /** The model's detector of settled orbits for this run, when it has one. */
  private readonly cycle: ((theta: Float64Array, steps: number) => number | null) | null;

  constructor(
    readonly problem: Problem,
    readonly integrator: Integrator,
    readonly stopRule: StopRule,
    private record: RecordRule,
  ) {
    this.metricBuf = new Float64Array(problem.metricNames.length);
    this.recorder = new Recorder(problem.metricNames.length, problem.recordedPrefix ?? problem.n);
    this.nextRecordStep = record.kind === 'steps' ? record.every : Infinity;
    this.loss0 = integrator.loss;
    this.cycle = problem.cycleDetector ? problem.cycleDetector() : null;
    this.snapshot();
    this.checkStop();
  }

  get done(): boolean {
    return this.stopState !== null;
  }

  /** Advances until done, maxSteps more steps, or the deadline (ms, performance.now()). */
  advance(maxSteps: number, deadline = Infinity): void {
    const it = this.integrator;
    // The deadline is a time: the clock is read every step once steps take over 2 microseconds (the read is then under
    // 3 % of a step), every 64 steps only for cheaper ones, so a slice overruns its deadline by about one step at most.
    let stride = 1;
    let since = 0;
    let last = deadline === Infinity ? 0 : performance.now();
    for (let i = 0; i < maxSteps && !this.stopState; i++) {
      let res: StepResult;
      try {
        res = it.step(this.stopRule.maxTime);
      } catch (err) {
        // E.g. a stiff solver that cannot allocate its Jacobian: end the run with a message, never hang it.
        res = { ok: false as const, reason: err instanceof Error ? err.message : String(err) };
      }
      if (!res.ok) {
        this.finish('solver-failed', `Stopped: ${res.reason} at t = ${fmt(it.t)}, step ${it.steps}.`);
        break;
      }
      if (this.shouldRecord()) this.snapshot();
      this.checkStop();
      if (deadline !== Infinity && ++since >= stride) {
        const now = performance.now();
        if (now > deadline) break;
        stride = (now - last) / since > 0.002 ? 1 : 64;
        since = 0;
        last = now;
      }
    }
  }

  runToEnd(): FinalState {
    while (!this.stopState) this.advance(100_000);
    return this.final();
  }

  /** Stops at the user's request; the last state is recorded. */
  stop(): void {
    if (!this.stopState) this.finish('stopped', `Stopped by the user at step ${this.integrator.steps}.`);
  }

  status(): RunStatus {
    const it = this.integrator;
    return {
      t: it.t,
      steps: it.steps,
      loss: it.loss,
      progress: this.progress(),
      done: this.done,
      stop: this.stopState,
      info: it.info(),
    };
  }

  takeBatch(): RecordBatch {
    return this.recorder.takeNew();
  }

  views(): Record<string, Float64Array> {
    return this.problem.views ? this.problem.views(this.integrator.theta) : {};
  }

  final(): FinalState {
    const it = this.integrator;
    this.problem.metrics(it.theta, this.metricBuf);
    const metrics: Record<string, number> = {};
    this.problem.metricNames.forEach((name, i) => (metrics[name] = this.metricBuf[i]));
    return {
      step: it.steps,
      time: it.t,
      loss: it.loss,
      params: blockValues(this.problem, it.theta),
      metrics,
      stop: this.stopState ?? { reason: 'stopped', message: 'Still running.' },
    };
  }

  private shouldRecord(): boolean {
    const it = this.integrator;
    if (this.record.kind === 'steps') return it.steps >= this.nextRecordStep;
    return it.t >= this.nextRecordTime;
  }

  /** The recorder was full and kept every other snapshot: new ones come at half the rate, so the spacing stays even. */
  private thinRecording(): void {
    if (this.record.kind === 'steps') this.record = { kind: 'steps', every: this.record.every * 2 };
    else this.record = { kind: 'log-time', perDecade: Math.max(1, Math.floor(this.record.perDecade / 2)) };
  }

  private snapshot(): void {
    const it = this.integrator;
    this.problem.metrics(it.theta, this.metricBuf);
    if (this.recorder.push(it.t, it.steps, it.loss, this.metricBuf, it.theta.subarray(0, this.recorder.nParams))) this.thinRecording();
    if (this.record.kind === 'steps') this.nextRecordStep = it.steps + this.record.every;
    else this.nextRecordTime = it.t > 0 ? it.t * pow(10, 1 / this.record.perDecade) : 0;
  }

  private checkStop(): void {
    const it = this.integrator;
    const { lossBelow, maxSteps, maxTime } = this.stopRule;
    // The model's own divergence rule when it has one, else: a parameter above BLOW_UP or a non-finite loss.
    const blown = this.problem.diverged ? this.problem.diverged(it.theta, it.loss) : genericBlowUp(it.loss, it.theta);
    let period: number | null = null;
    if (blown !== null) {
      this.finish('diverged', `Diverged at step ${it.steps} (t = ${fmt(it.t)}): ${blown}. Try a smaller step size.`);
    } else if (this.convergedAt || it.loss <= lossBelow) {
      this.convergedAt ??= { step: it.steps, t: it.t, loss: it.loss };
      const extra = this.stopRule.extraSteps ?? 0;
      const c = this.convergedAt;
      if (it.steps >= c.step + extra) {
        const tail = extra > 0 ? `; ran ${extra} more steps to loss ${fmt(it.loss)}` : '';
        this.finish('converged', `Converged: loss ${fmt(c.loss)} ≤ ${fmt(lossBelow)} at t = ${fmt(c.t)}, step ${c.step}${tail}.`);
      }
      // biome-ignore lint/suspicious/noAssignInExpressions: (the next branch) the detector is stateful: it is fed a step only when no earlier branch ended the run
    } else if (this.cycle && (period = this.cycle(it.theta, it.steps)) !== null) {
      this.finish('periodic', `Settled into a period-${period} orbit at step ${it.steps} (loss ${fmt(it.loss)}; no convergence).`, period);
    } else if (this.problem.converged?.(it.theta, it.steps)) {
      this.finish('converged', `Converged at step ${it.steps}: ${this.problem.converged(it.theta, it.steps)}.`);
    } else if (this.problem.failure?.(it.loss, it.steps)) {
      this.finish('model-failed', `Stopped at step ${it.steps}: ${this.problem.failure(it.loss, it.steps)}.`);
    } else if (it.t >= maxTime) {
      this.finish('max-time', `Reached the time limit t = ${fmt(maxTime)} (loss ${fmt(it.loss)}).`);
    } else if (it.steps >= maxSteps) {
      this.finish('max-steps', `Reached the step limit ${maxSteps} (loss ${fmt(it.loss)}).`);
    }
  }

  private finish(reason: StopReason, message: string, period?: number): void {
    this.stopState = this.convergedAt ? { reason, message, convergedStep: this.convergedAt.step } : { reason, message };
    if (period !== undefined) this.stopState.period = period;
    // Always keep the final state, even between scheduled snapshots.
    if (this.recorder.lastStep !== this.integrator.steps) this.snapshot();
  }

  private progress(): number {
    if (this.done) return 1;
    const it = this.integrator;
    const { lossBelow, maxSteps, maxTime } = this.stopRule;
    const byLoss = this.loss0 > lossBelow && it.loss > 0 && lossBelow > 0 ? log(this.loss0 / Math.max(it.loss, lossBelow)) / log(this.loss0 / lossBelow) : 0;
    const byTime = it.t > 0 ? log1p(it.t) / log1p(maxTime) : 0;
    return Math.min(1, Math.max(byLoss, it.steps / maxSteps, byTime, 0));
  }
}

/** The generic divergence rule: what blew up (a non-finite loss, a parameter above BLOW_UP in size), or null. */
function genericBlowUp(loss: number, theta: Float64Array): string | null {
  if (!Number.isFinite(loss)) return 'the loss became non-finite';
  return withinBounds(theta) ? null : `a parameter exceeded ${BLOW_UP.toExponential(0)} in size`;
}

/** Every parameter finite and below BLOW_UP in size (a plain loop: this runs after every step). */
function withinBounds(theta: Float64Array): boolean {
  for (let i = 0; i < theta.length; i++) {
    const v = theta[i];
    if (!(v <= BLOW_UP && v >= -BLOW_UP)) return false; // also false for NaN
  }
  return true;
}

function fmt(v: number): string {
  return Math.abs(v) >= 1e4 || (Math.abs(v) < 1e-3 && v !== 0) ? v.toExponential(3) : v.toPrecision(4);
}
