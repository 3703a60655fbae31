/**
 * No screen goes blank: a screen that throws (a chunk that failed to load, a question that could
 * not be read) shows what happened and a Retry that really loads it again; the rest of the app
 * keeps working. The outermost boundary also offers the user's data as a file.
 */
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { downloadJson } from '../ui/download-json';

interface BoundaryProps {
  children: ReactNode;
  /** What the user was trying to open, for the message. */
  what?: string;
  /** The outermost boundary offers to export progress, since nothing else on screen may work. */
  offerExport?: boolean;
}

interface BoundaryState {
  error?: Error;
  exportMessage?: string;
}

function explain(error: Error): string {
  if (
    /dynamically imported module|Importing a module script failed|Failed to fetch|ChunkLoadError/i.test(error.message)
  ) {
    return 'Part of Drillbook could not be downloaded. If you are offline, this part was not saved for offline use yet (or a new version arrived); connect and retry.';
  }
  return error.message || String(error);
}

export class ErrorBoundary extends Component<BoundaryProps, BoundaryState> {
  state: BoundaryState = {};

  static getDerivedStateFromError(error: Error): BoundaryState {
    return { error };
  }

  componentDidCatch(error: Error, info: ErrorInfo) {
    console.error('Drillbook screen failed:', error, info.componentStack);
  }

  private retry = () => this.setState({ error: undefined, exportMessage: undefined });

  private exportData = async () => {
    try {
      const { rescueExport } = await import('../storage/rescue-export');
      const now = Date.now();
      const result = await rescueExport(now);
      downloadJson(`drillbook-rescued-${new Date(now).toISOString().slice(0, 10)}.json`, result.file);
      this.setState({ exportMessage: `Exported ${result.reviews} reviews.` });
    } catch (error) {
      this.setState({ exportMessage: `Nothing could be exported: ${(error as Error).message}` });
    }
  };

  render() {
    const { error, exportMessage } = this.state;
    if (!error) return this.props.children;
    return (
      <section className="page narrow" role="alert" aria-labelledby="screen-error-h">
        <h1 id="screen-error-h">
          {this.props.what ? `${this.props.what} could not be shown` : 'Something went wrong'}
        </h1>
        <p>{explain(error)}</p>
        <p className="muted">Your progress is stored in this browser and is not affected.</p>
        <div className="actions">
          <button type="button" className="button primary" onClick={this.retry}>
            Retry
          </button>
          <a className="button" href="/">
            Home
          </a>
          {this.props.offerExport && (
            <button type="button" className="button" onClick={() => void this.exportData()}>
              Export what can be read
            </button>
          )}
        </div>
        {exportMessage && <p role="status">{exportMessage}</p>}
      </section>
    );
  }
}
