import { useEffect, useRef, useState } from 'react';
import { hashFlags } from '../experiment/link';
import { useHash } from '../state/route';
import { Button, type ButtonVariant, buttonClass } from './Button';

export interface ShareButtonProps {
  /** The link to share, built at the moment of the click (so it carries the experiment as it is then). */
  getUrl: () => string;
  label?: string;
  variant?: ButtonVariant;
  testId?: string;
  /** Classes of the wrapper (e.g. ml-auto to push it to the end of a toolbar). */
  className?: string;
  title?: string;
}

type Copy = 'idle' | 'copied' | 'refused';

/**
 * Share: copies the experiment's link and says "Link copied"; the link is also shown in a read-only field that
 * selects itself on focus, which is the way to take it when the browser refuses the clipboard (then said so).
 */
export function ShareButton({ getUrl, label = 'Share', variant = 'secondary', testId = 'share', className, title = 'Copy a link that reopens this experiment' }: ShareButtonProps) {
  const [url, setUrl] = useState<string | null>(null);
  const presentHref = usePresentHref();
  const [copy, setCopy] = useState<Copy>('idle');
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);
  const share = async () => {
    const link = getUrl();
    setUrl(link);
    if (timer.current) clearTimeout(timer.current);
    try {
      if (!navigator.clipboard?.writeText) throw new Error('no clipboard');
      await navigator.clipboard.writeText(link);
      setCopy('copied');
      timer.current = setTimeout(() => setCopy('idle'), 2000);
    } catch {
      setCopy('refused');
    }
  };
  return (
    <div className={`flex min-w-0 flex-col gap-1${className ? ` ${className}` : ''}`}>
      <span className="flex flex-wrap items-center gap-2">
        <Button variant={variant} testId={testId} onClick={() => void share()} title={title}>
          {copy === 'copied' ? 'Link copied' : label}
        </Button>
        <a
          href={presentHref}
          className={buttonClass('subtle')}
          data-testid="present"
          title="Presentation mode: large type, controls hidden, a plot full screen, a guided lesson (← →) and an embed snippet"
        >
          Present
        </a>
      </span>
      <span className="sr-only" aria-live="polite">
        {copy === 'copied' ? 'Link copied' : copy === 'refused' ? 'Copying was refused; the link is shown for you to copy.' : ''}
      </span>
      {url && (
        <>
          {copy === 'refused' && (
            <span className="text-xs text-amber-700 dark:text-amber-400" data-testid={`${testId}-refused`}>
              The browser did not allow copying: select the link below and copy it.
            </span>
          )}
          <input
            data-testid={`${testId}-link`}
            readOnly
            value={url}
            aria-label="Share link"
            onFocus={(e) => e.target.select()}
            className="w-full min-w-0 rounded border border-slate-300 bg-slate-50 px-2 py-1 font-mono text-xs dark:border-slate-700 dark:bg-slate-900"
          />
        </>
      )}
    </div>
  );
}

/** The current lab and page in presentation mode (its experiment stays; the lesson starts at → ). */
function usePresentHref(): string {
  // the hash's flags without its experiment (which a link's hash holds until the page has taken it in: 376 KB at most)
  const p = hashFlags(useHash());
  p.delete('step');
  p.set('present', '1');
  return `#${p.toString()}`;
}
