/**
 * Linked cursors: plots that share a group show their readout at the same x when the pointer is over any one
 * of them (the same time t across the two arms of a run, or across a lab's plots). A plain listener set, not
 * React state: a cursor move redraws only the plots' overlays, never re-renders components.
 */
type Listener = (source: string, x: number | null) => void;

const groups = new Map<string, Set<Listener>>();

export function subscribeCursor(group: string, listener: Listener): () => void {
  let set = groups.get(group);
  if (!set) {
    set = new Set();
    groups.set(group, set);
  }
  set.add(listener);
  return () => {
    set.delete(listener);
    if (set.size === 0) groups.delete(group);
  };
}

/** Tells every other plot of the group where the cursor is (data x), or that it left (null). */
export function publishCursor(group: string, source: string, x: number | null): void {
  groups.get(group)?.forEach((listener) => listener(source, x));
}
