/// <reference lib="webworker" />
import * as Comlink from 'comlink';
import { decodePacked } from '../src/experiment/link';

// A large link's experiment decompressed and validated off the page's thread (src/state/link-decoder.ts): the largest
// links take a few hundred milliseconds to read, which on the page would be one long task.
Comlink.expose({ decode: decodePacked });
