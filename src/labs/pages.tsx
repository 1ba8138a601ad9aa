import type { ComponentType } from 'react';
import type { LabInfo } from './registry';
import { PoisoningLab } from './poisoning/PoisoningLab';
import { StabilityLab } from './stability/StabilityLab';
import { SaddlesLab } from './saddles/SaddlesLab';

/** The page of each built lab; labs missing here show their one-line promise instead. */
export const LAB_PAGES: Partial<Record<LabInfo['id'], ComponentType>> = {
  poisoning: PoisoningLab,
  stability: StabilityLab,
  saddles: SaddlesLab,
};
