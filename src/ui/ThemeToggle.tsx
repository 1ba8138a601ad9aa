import { useEffect, useState } from 'react';
import { safeStorage } from '../state/safe-storage';

type Theme = 'system' | 'light' | 'dark';
const KEY = 'ibl.theme';

function apply(theme: Theme) {
  const dark = theme === 'dark' || (theme === 'system' && window.matchMedia?.('(prefers-color-scheme: dark)').matches);
  document.documentElement.classList.toggle('dark', !!dark);
}

/** Light, dark, or the system's choice; remembered across reloads. */
export function ThemeToggle() {
  const [theme, setTheme] = useState<Theme>(() => (safeStorage.getItem(KEY) as Theme | null) ?? 'system');
  useEffect(() => {
    apply(theme);
    safeStorage.setItem(KEY, theme);
    const mq = window.matchMedia?.('(prefers-color-scheme: dark)');
    const onChange = () => apply(theme);
    mq?.addEventListener('change', onChange);
    return () => mq?.removeEventListener('change', onChange);
  }, [theme]);
  return (
    <label className="flex items-center gap-1 text-xs text-slate-500">
      <span className="sr-only">Theme</span>
      <select
        data-testid="theme"
        value={theme}
        onChange={(e) => setTheme(e.target.value as Theme)}
        className="rounded border border-slate-300 bg-transparent px-1 py-0.5 dark:border-slate-700"
        aria-label="Colour theme"
      >
        <option value="system">◐ system</option>
        <option value="light">☀ light</option>
        <option value="dark">☾ dark</option>
      </select>
    </label>
  );
}
