/**
 * A whiteboard for a design answer. Excalidraw is loaded only when one is shown, so no other
 * screen pays for it; a failed load (offline after an update) offers Retry.
 */
import { Component, type ReactNode, Suspense } from 'react';
import { retryableLazy } from '../ui/retryable-lazy';
import { pointExcalidrawAtOurAssets } from './excalidraw-assets';
import type { WhiteboardCanvasProps } from './whiteboard-canvas';

const WhiteboardCanvas = retryableLazy(() => {
  pointExcalidrawAtOurAssets();
  return import('./whiteboard-canvas');
});

class LoadBoundary extends Component<{ children: ReactNode }, { error?: Error }> {
  state: { error?: Error } = {};
  static getDerivedStateFromError(error: Error) {
    return { error };
  }
  render() {
    if (!this.state.error) return this.props.children;
    return (
      <div role="alert" className="whiteboard-failed">
        <p>The whiteboard could not be loaded ({this.state.error.message}). Your typed answer is not affected.</p>
        <button type="button" onClick={() => this.setState({ error: undefined })}>
          Retry
        </button>
      </div>
    );
  }
}

export function Whiteboard(props: WhiteboardCanvasProps) {
  return (
    <section className="whiteboard-section" aria-label="Whiteboard">
      <LoadBoundary>
        <Suspense fallback={<p className="whiteboard-loading">Loading the whiteboard…</p>}>
          <WhiteboardCanvas {...props} />
        </Suspense>
      </LoadBoundary>
    </section>
  );
}
