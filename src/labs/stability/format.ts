/** The app's number formatter (src/ui/format.ts): 4 significant digits by default, fmt(v, digits) for more. */
export { fmt } from '../../ui/format';

/** The name of the step on the reduced loss: η, or η_eff = sη in data mode. */
export const etaName = (spec: { model: { data?: unknown } }) => (spec.model.data ? 'η_eff' : 'η');
