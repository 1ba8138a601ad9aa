import { extrapolationCore } from './extrapolation/core';
import { flowVsDescentCore } from './flow-vs-descent/core';
import { poisoningCore } from './poisoning/core';
import { saddlesCore } from './saddles/core';
import { stabilityCore } from './stability/core';

/**
 * Every lab's core, once: spec parsing, presets, workers and the CLI are derived from this list. A lab added
 * here must also be added to ui-registry.ts (the compiler says so).
 */
export const LAB_CORES = [poisoningCore, stabilityCore, saddlesCore, extrapolationCore, flowVsDescentCore] as const;
