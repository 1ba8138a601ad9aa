import type { ButtonHTMLAttributes } from 'react';

export type ButtonVariant = 'primary' | 'secondary' | 'subtle' | 'link';
export type ButtonSize = 'md' | 'sm';

const BASE = 'rounded font-medium disabled:cursor-not-allowed disabled:opacity-40';
const LOOK: Record<ButtonVariant, string> = {
  /** The page's main action (Run, Reproduce); sky-700, as white on sky-600 is under 4.5:1. */
  primary: 'border border-sky-800 bg-sky-700 text-white hover:bg-sky-800 disabled:hover:bg-sky-700',
  /** Other actions of a toolbar or a panel. */
  secondary: 'border border-slate-300 hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800 disabled:hover:bg-transparent',
  /** Small actions beside a field or inside a panel (small unless told). */
  subtle: 'border border-slate-300 hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800 disabled:hover:bg-transparent',
  /** An action that reads as a link (Export, open, Show …). */
  link: 'font-normal text-sky-700 underline hover:text-sky-900 dark:text-sky-400 dark:hover:text-sky-300',
};
const SIZE: Record<ButtonVariant, Record<ButtonSize, string>> = {
  primary: { md: 'px-3 py-1.5 text-sm', sm: 'px-3 py-1 text-xs' },
  secondary: { md: 'px-3 py-1.5 text-sm', sm: 'px-2 py-1 text-xs' },
  subtle: { md: 'px-3 py-1.5 text-sm', sm: 'px-2 py-1 text-xs' },
  link: { md: 'px-0.5 text-sm', sm: 'px-0.5 text-xs' },
};
const DEFAULT_SIZE: Record<ButtonVariant, ButtonSize> = { primary: 'md', secondary: 'md', subtle: 'sm', link: 'sm' };

/** The classes of a button, for the few elements that are not a <Button> (e.g. a link styled as one). */
export const buttonClass = (variant: ButtonVariant = 'secondary', size: ButtonSize = DEFAULT_SIZE[variant], extra = '') =>
  `${BASE} ${LOOK[variant]} ${SIZE[variant][size]}${extra ? ` ${extra}` : ''}`;

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: ButtonVariant;
  /** md (text-sm) or sm (text-xs); subtle and link buttons are sm by default. */
  size?: ButtonSize;
  /** data-testid of the button. */
  testId?: string;
}

/** The app's button: primary, secondary, subtle (small) or link; type="button" unless told; other props go to <button>. */
export function Button({ variant = 'secondary', size, testId, className, type = 'button', ...rest }: ButtonProps) {
  return <button type={type} data-testid={testId} className={buttonClass(variant, size ?? DEFAULT_SIZE[variant], className)} {...rest} />;
}
