/**
 * How the progress service tells other open tabs what changed, so each reloads what it shows and
 * never grades a card from a stale state. BroadcastChannel is missing in a few old browsers: then
 * tabs still never lose a review (writes check for conflicts), they just refresh later.
 */
export type ChangeKind = 'reviews' | 'settings' | 'records';

export interface ProgressChange {
  /** What changed: the review log (and card states), the settings, or key-value records. */
  kinds: ChangeKind[];
  /** The cards a review change touched, when known (empty: any). */
  questionIds: string[];
  /** The records a records change touched, when known (empty: any). */
  keys: string[];
}

export interface ChangeChannel {
  /** Sends a change to the other tabs (never back to this one). */
  post(change: ProgressChange): void;
  listen(listener: (change: ProgressChange) => void): () => void;
}

const CHANNEL = 'drillbook-progress';
const MESSAGE = 'progress-changed';

/** The cross-tab channel; one per service, so its own posts never come back to it. */
export function broadcastChannel(name = CHANNEL): ChangeChannel {
  if (typeof BroadcastChannel === 'undefined') return { post: () => {}, listen: () => () => {} };
  const channel = new BroadcastChannel(name);
  return {
    post: (change) => channel.postMessage({ type: MESSAGE, ...change }),
    listen: (listener) => {
      channel.onmessage = (event: MessageEvent<ProgressChange & { type?: string }>) => {
        const { type, kinds, questionIds, keys } = event.data ?? {};
        if (type === MESSAGE && Array.isArray(kinds)) {
          listener({ kinds, questionIds: questionIds ?? [], keys: keys ?? [] });
        }
      };
      return () => channel.close();
    },
  };
}

/** Whether a change touches a record whose key starts with one of `prefixes` (or any record, when the keys are unknown). */
export function touchesRecords(change: ProgressChange, prefixes: readonly string[]): boolean {
  if (!change.kinds.includes('records')) return false;
  return change.keys.length === 0 || change.keys.some((key) => prefixes.some((prefix) => key.startsWith(prefix)));
}
