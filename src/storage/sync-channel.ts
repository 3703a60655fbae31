/**
 * Tells other open tabs that progress changed, so each reloads what it shows and never grades
 * a card from a stale state. BroadcastChannel is missing in a few old browsers: then tabs
 * still never lose a review (the write checks for conflicts), they just refresh later.
 */
export interface ProgressChange {
  type: 'progress-changed';
  questionIds: string[];
}

const CHANNEL = 'drillbook-progress';

export function announceChange(questionIds: string[]): void {
  if (typeof BroadcastChannel === 'undefined') return;
  const channel = new BroadcastChannel(CHANNEL);
  channel.postMessage({ type: 'progress-changed', questionIds } satisfies ProgressChange);
  channel.close();
}

export function onProgressChange(listener: (change: ProgressChange) => void): () => void {
  if (typeof BroadcastChannel === 'undefined') return () => {};
  const channel = new BroadcastChannel(CHANNEL);
  channel.onmessage = (event: MessageEvent<ProgressChange>) => {
    if (event.data?.type === 'progress-changed') listener(event.data);
  };
  return () => channel.close();
}
