import type { ReactNode } from 'react';
import type { ApiState } from '../use-api.ts';

/** Props of AsyncView. */
export interface AsyncViewProps<T> {
  state: ApiState<T> & { retry(): void };
  /** What is loading, for the status line ("models", "the indicator"). */
  what: string;
  children: (data: T) => ReactNode;
}

/** Shows a loading line, an error with a retry button, or the data; screen readers hear each change. */
export function AsyncView<T>({ state, what, children }: AsyncViewProps<T>) {
  if (state.status === 'loading') {
    return (
      <p className="status" role="status" aria-live="polite">
        <span className="spinner" aria-hidden="true" /> Loading {what}…
      </p>
    );
  }
  if (state.status === 'error') {
    return (
      <div className="error" role="alert">
        <p>
          <strong>Could not load {what}.</strong> {state.error.message}
        </p>
        <button type="button" onClick={() => state.retry()}>
          Try again
        </button>
      </div>
    );
  }
  return <>{children(state.data)}</>;
}
