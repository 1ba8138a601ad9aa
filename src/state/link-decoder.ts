import * as Comlink from 'comlink';
import { decodePacked } from '../experiment/link';
import type { SpecResult } from '../experiment/validate';

/**
 * Links longer than this are decompressed and validated in a worker: a 376 KB link (512 sequences of 64) takes about
 * 200 ms to read, one long task on the page. Shorter links are read at once (a worker would only add its start-up).
 */
export const OFF_THREAD_LINK_CHARS = 32 * 1024;

type LinkApi = { decode(packed: string): SpecResult };

/** The experiment of a link's `s` parameter, read in a worker when it is long; on the page if the worker fails to start. */
export async function decodeLink(packed: string): Promise<SpecResult> {
  if (packed.length <= OFF_THREAD_LINK_CHARS || typeof Worker === 'undefined') return decodePacked(packed);
  const worker = new Worker(new URL('../../workers/link.worker.ts', import.meta.url), { type: 'module', name: 'link' });
  try {
    const failed = new Promise<never>((_, reject) => worker.addEventListener('error', () => reject(new Error('the link worker did not start'))));
    return await Promise.race([Comlink.wrap<LinkApi>(worker).decode(packed), failed]);
  } catch {
    // a blocked or broken worker script: the same reading on the page, slower but never wrong
    return decodePacked(packed);
  } finally {
    worker.terminate();
  }
}
