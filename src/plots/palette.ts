/**
 * Okabe–Ito palette: eight colours that stay distinguishable under the common colour-vision
 * deficiencies. Order puts the strongest contrasts first, so plots with few series look best.
 */
export const OKABE_ITO = [
  '#0072B2', // blue
  '#D55E00', // vermillion
  '#009E73', // bluish green
  '#CC79A7', // reddish purple
  '#E69F00', // orange
  '#56B4E9', // sky blue
  '#F0E442', // yellow
  'currentColor', // Okabe–Ito's black, as the text colour: black in the light theme, light in the dark one
] as const;

/** Colour for the i-th series; wraps around (negative and fractional indices are tolerated). */
export function seriesColor(i: number): string {
  const len = OKABE_ITO.length;
  const k = ((Math.trunc(i) % len) + len) % len;
  return OKABE_ITO[Number.isFinite(k) ? k : 0];
}
