// Vitest setup: every lab's runtime loaded before the tests, as the CLI loads them, so a test builds a run of any lab
// synchronously (build-run.ts). The lazy path itself (prepare before build) is tested through the runner workers.
import { loadEveryRuntime } from '../build-run';

await loadEveryRuntime();
