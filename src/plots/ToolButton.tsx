import { Button, type ButtonProps } from '../ui/Button';

/** A small toggle of a plot's toolbar (log y, pan …): drawn as pressed while `on`, and announced so. */
export function ToolButton({ on, ...rest }: Omit<ButtonProps, 'variant' | 'size' | 'aria-pressed'> & { on: boolean }) {
  return <Button variant={on ? 'primary' : 'subtle'} size="sm" aria-pressed={on} {...rest} />;
}
