import { Component, type ReactNode } from 'react';
import { Button } from './Button';

interface Props {
  /** What failed, in the message ("the Stability lab"). */
  what: string;
  /** A new key starts over (e.g. another lab opened). */
  children: ReactNode;
}

/**
 * Catches what a lab's page throws while rendering, so one lab's fault never blanks the app: it says what failed and
 * offers a way back (try again, or another lab from the header). The experiment stays saved.
 */
export class ErrorBoundary extends Component<Props, { error: Error | null }> {
  state = { error: null as Error | null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <section
        role="alert"
        className="max-w-2xl rounded border border-red-300 bg-red-50 p-4 text-sm text-red-900 dark:border-red-800 dark:bg-red-950/40 dark:text-red-200"
        data-testid="lab-error"
      >
        <h2 className="text-base font-semibold">Something went wrong in {this.props.what}</h2>
        <p className="mt-1 font-mono text-xs break-words">{error.message.slice(0, 500)}</p>
        <p className="mt-2">Your experiment is kept. Try again, or open another lab from the header.</p>
        <Button className="mt-3" testId="lab-error-retry" onClick={() => this.setState({ error: null })}>
          Try again
        </Button>
      </section>
    );
  }
}
