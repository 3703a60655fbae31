/** Settings: how many spoken answers are stored on this device, and a way to delete them all. */
import { useEffect, useId, useState } from 'react';
import { deleteAllRecordings, type RecordingsSummary, summariseRecordings } from './recording-repository';

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

export function RecordingsPanel() {
  const id = useId();
  const [summary, setSummary] = useState<RecordingsSummary>();
  const [message, setMessage] = useState<string>();
  useEffect(() => {
    summariseRecordings().then(setSummary, (error: Error) =>
      setMessage(`Recordings could not be read: ${error.message}`),
    );
  }, []);
  const remove = async () => {
    try {
      const removed = await deleteAllRecordings();
      setSummary({ count: 0, bytes: 0 });
      setMessage(`Deleted ${removed} ${removed === 1 ? 'recording' : 'recordings'}.`);
    } catch (error) {
      setMessage(`Not deleted: ${(error as Error).message}`);
    }
  };
  return (
    <section className="card" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>Spoken answers</h2>
      <p>
        Answers you record aloud stay on this device: they are never uploaded and are left out of backups. Each
        recording stops by itself after 10 minutes.
      </p>
      {summary && (
        <p>
          {summary.count === 0
            ? 'No recordings stored.'
            : `${summary.count} ${summary.count === 1 ? 'recording' : 'recordings'}, ${megabytes(summary.bytes)}.`}
        </p>
      )}
      <button type="button" className="button danger" disabled={!summary?.count} onClick={() => void remove()}>
        Delete all recordings
      </button>
      {message && <p role="status">{message}</p>}
    </section>
  );
}
