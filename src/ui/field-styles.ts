/** Classes shared by the form fields of the kit (light and dark themes), for inputs the kit does not wrap. */
export const inputClass = 'rounded border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-900';
export const labelClass = 'text-xs font-medium text-slate-600 dark:text-slate-400';
export const hintClass = 'text-xs text-slate-500';
export const errorClass = 'text-xs text-red-600 dark:text-red-400';
/** A bordered panel (the results tables, the editors). */
export const cardClass = 'rounded border border-slate-200 p-3 dark:border-slate-800';
