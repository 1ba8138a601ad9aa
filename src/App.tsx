import { Suspense } from 'react';
import { labFromHash, NAV_LABS, type NavLab } from './labs/ui-registry';
import { isStartHash, StartPage } from './start/StartPage';
import { hashParam, useHash } from './state/route';
import { useLinkLoader } from './state/useLinkLoader';
import { useStorageProblem } from './state/safe-storage';
import { ErrorBoundary } from './ui/ErrorBoundary';
import { UnreadableNotice } from './ui/UnreadableNotice';
import { IssueBanner } from './ui/IssueBanner';
import { ThemeToggle } from './ui/ThemeToggle';
import { PresentationBar } from './ui/PresentationBar';

/** A lab in the header's navigation (the bar, or the phone's menu). */
function LabLink({ lab, current }: { lab: NavLab; current: boolean }) {
  return (
    <a
      href={`#lab=${lab.id}`}
      aria-current={current ? 'page' : undefined}
      className={`rounded px-3 py-1.5 whitespace-nowrap ${current ? 'bg-sky-100 font-medium text-sky-900 dark:bg-sky-900/60 dark:text-sky-100' : 'hover:bg-slate-100 dark:hover:bg-slate-800'}`}
    >
      {lab.title}
      {!lab.built && <span className="ml-1 text-xs text-slate-400">(soon)</span>}
    </a>
  );
}

export function App() {
  useLinkLoader();
  const hash = useHash();
  const lab = labFromHash(hash);
  const labId = lab.id;
  // `embed=1` (for slides and course pages) drops the app header and keeps just the lab.
  const storageProblem = useStorageProblem((s) => s.message);
  const embed = hashParam(hash, 'embed') === '1';
  // The root (no lab named, no experiment arriving) is the start page; `#lab=<id>` opens that lab as before.
  const onStart = isStartHash(hash);
  // presentation mode (`present=1`, from a lab's Share menu): its own bar takes the header's place
  const presenting = !onStart && !embed && lab.built && hashParam(hash, 'present') === '1';
  return (
    <div className="min-h-screen flex flex-col">
      <header hidden={embed || presenting} className="border-b border-slate-200 dark:border-slate-800 bg-white/80 dark:bg-slate-900/80 backdrop-blur sticky top-0 z-10">
        <div className="mx-auto flex max-w-[1600px] items-center gap-3 px-4 py-2 md:gap-6">
          <a href="#start" className="flex items-center gap-2 font-semibold tracking-tight" title="Start page: the labs and the gallery of paper figures" data-testid="home">
            <img src="/favicon.svg" alt="" className="h-6 w-6" />
            <h1 className="sr-only text-lg whitespace-nowrap sm:not-sr-only">Implicit Bias Lab</h1>
          </a>
          <nav aria-label="Labs" className="hidden gap-1 text-sm lg:flex">
            {NAV_LABS.map((l) => (
              <LabLink key={l.id} lab={l} current={!onStart && l.id === labId} />
            ))}
          </nav>
          {/* on a phone the labs fold into a menu, so the header never runs wider than the screen */}
          <details className="relative lg:hidden" data-testid="lab-menu">
            <summary className="cursor-pointer list-none rounded px-2 py-1.5 text-sm font-medium whitespace-nowrap hover:bg-slate-100 dark:hover:bg-slate-800">
              {onStart ? 'Labs' : lab.title} ▾
            </summary>
            <nav
              aria-label="Labs"
              className="absolute left-0 z-20 mt-1 flex min-w-48 flex-col gap-1 rounded border border-slate-200 bg-white p-1 text-sm shadow dark:border-slate-700 dark:bg-slate-900"
            >
              {NAV_LABS.map((l) => (
                <LabLink key={l.id} lab={l} current={!onStart && l.id === labId} />
              ))}
            </nav>
          </details>
          <span className="flex-1" />
          {!onStart && <span className="hidden text-xs text-slate-500 xl:block">Watch the implicit bias of gradient descent happen.</span>}
          {!embed && !presenting && <ThemeToggle />}
        </div>
      </header>
      {/* an embedded lab (a course page, a slide) keeps its theme switch */}
      {embed && (
        <div className="fixed top-2 right-2 z-20 rounded bg-white/80 px-1 py-0.5 shadow-sm backdrop-blur dark:bg-slate-900/80" data-testid="embed-theme">
          <ThemeToggle />
        </div>
      )}
      <main className="mx-auto max-w-[1600px] w-full px-4 py-4 flex-1">
        <UnreadableNotice />
        {storageProblem && (
          <p
            role="status"
            className="mb-3 rounded border border-amber-300 bg-amber-50 px-3 py-2 text-xs text-amber-900 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-200"
            data-testid="storage-problem"
          >
            {storageProblem}
          </p>
        )}
        {onStart ? (
          <StartPage />
        ) : lab.built ? (
          <ErrorBoundary key={lab.id} what={`the ${lab.title} lab`}>
            {presenting && <PresentationBar lab={lab.id} title={lab.title} steps={lab.lesson} />}
            <Suspense fallback={<p className="text-sm text-slate-500">Loading the {lab.title} lab…</p>}>
              <lab.Page />
            </Suspense>
          </ErrorBoundary>
        ) : (
          <section className="max-w-2xl mt-10" data-testid={`lab-${lab.id}`}>
            <IssueBanner />
            <h2 className="text-2xl font-semibold">{lab.title}</h2>
            <p className="text-sm text-slate-500">{lab.paper} · not built yet</p>
            <p className="mt-4 text-slate-700 dark:text-slate-300">{lab.blurb}</p>
          </section>
        )}
      </main>
    </div>
  );
}
