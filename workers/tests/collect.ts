import type { LabRunner } from '../lab-runner';
import type { RunFrame } from '../protocol';

/** Collects frames until the final one, resolving each sink call only after a macrotask (a slow main thread). */
export function collect(core: LabRunner, input: unknown, paused = false) {
  const frames: RunFrame[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const done = new Promise<RunFrame[]>((resolve, reject) => {
    void core
      .start(
        input,
        async (f) => {
          inFlight++;
          maxInFlight = Math.max(maxInFlight, inFlight);
          frames.push(f);
          await new Promise((r) => setTimeout(r, 1));
          inFlight--;
          if (f.final) resolve(frames);
        },
        paused,
      )
      .then((res) => !res.ok && reject(new Error(res.message)));
  });
  return { done, frames, maxInFlight: () => maxInFlight };
}
