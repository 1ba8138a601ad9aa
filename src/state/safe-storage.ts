import { create } from 'zustand';
import type { StateStorage } from 'zustand/middleware';

/**
 * localStorage with every read and write guarded: storage can throw (a full quota; an `embed=1` iframe whose
 * third-party storage is blocked throws SecurityError on mere access). Then the app keeps working from memory for
 * this visit, and says once that nothing will be saved.
 */
interface StorageProblem {
  message: string | null;
}

export const useStorageProblem = create<StorageProblem>(() => ({ message: null }));

const memory = new Map<string, string>();

function report(err: unknown, what: string): void {
  if (useStorageProblem.getState().message) return;
  const reason = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  useStorageProblem.setState({ message: `The browser refused to ${what} (${reason}). Your experiments work but are not saved across reloads.` });
}

function store(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch (err) {
    report(err, 'open its local storage');
    return null;
  }
}

export const safeStorage: StateStorage = {
  getItem(name) {
    try {
      return store()?.getItem(name) ?? memory.get(name) ?? null;
    } catch (err) {
      report(err, 'read its local storage');
      return memory.get(name) ?? null;
    }
  },
  setItem(name, value) {
    memory.set(name, value);
    try {
      store()?.setItem(name, value);
    } catch (err) {
      report(err, 'save to its local storage');
    }
  },
  removeItem(name) {
    memory.delete(name);
    try {
      store()?.removeItem(name);
    } catch (err) {
      report(err, 'write its local storage');
    }
  },
};
