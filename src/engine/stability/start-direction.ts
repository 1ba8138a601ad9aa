/**
 * cos 20 deg, sin 20 deg (literals: no trig needed): the direction of the Figure-3 stand-in's starts (lab spec
 * Sec. 5). A module of its own: the lab's schema (on the page's thread) needs these two numbers, not the sweep code.
 */
export const COS20 = 0.9396926207859084;
export const SIN20 = 0.3420201433256687;
