import { type ComponentType, lazy } from 'react';

/**
 * React.lazy keeps a failed import failed for good (a chunk that did not arrive while offline
 * after an update), so only a reload would help. This one starts a fresh import on the next
 * render after a failure, which is what the error boundary's Retry triggers.
 */
// biome-ignore lint/suspicious/noExplicitAny: the same constraint as React.lazy's own signature
export function retryableLazy<P extends Record<string, any>>(factory: () => Promise<{ default: ComponentType<P> }>) {
  let failed = false;
  const load = () =>
    factory().catch((error: unknown) => {
      failed = true;
      throw error;
    });
  let Lazy = lazy(load);
  return function RetryableLazy(props: P) {
    if (failed) {
      failed = false;
      Lazy = lazy(load);
    }
    return <Lazy {...props} />;
  };
}
