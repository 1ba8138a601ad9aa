/**
 * Maps items in the page's idle time, a few at a time, so that work the user does not need at once (e.g. the start
 * page's lz-compressed gallery links, ~200 ms on a slow machine) never holds up a frame. Calls `done` with all the
 * results; returns a cancel function.
 */
export function idleMap<T, R>(items: readonly T[], fn: (item: T) => R, done: (out: R[]) => void): () => void {
  const out: R[] = [];
  let handle = 0;
  let cancelled = false;
  const idle: (cb: (d: { timeRemaining(): number }) => void) => number =
    typeof requestIdleCallback === 'function'
      ? (cb) => requestIdleCallback(cb, { timeout: 3000 })
      : (cb) =>
          setTimeout(() => {
            // no requestIdleCallback (Safari): an 8 ms slice per timer, so the work still comes in pieces
            const end = performance.now() + 8;
            cb({ timeRemaining: () => end - performance.now() });
          }, 16) as unknown as number;
  const cancelIdle = (h: number) => (typeof cancelIdleCallback === 'function' ? cancelIdleCallback(h) : clearTimeout(h));
  const step = (deadline: { timeRemaining(): number }) => {
    if (cancelled) return;
    // at least one item per call (a busy page still gets there, through the timeout)
    do out.push(fn(items[out.length]));
    while (out.length < items.length && deadline.timeRemaining() > 2);
    if (out.length < items.length) handle = idle(step);
    else done(out);
  };
  if (items.length) handle = idle(step);
  else done(out);
  return () => {
    cancelled = true;
    cancelIdle(handle);
  };
}
