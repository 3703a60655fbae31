/**
 * Says so when progress cannot be kept: IndexedDB unavailable (private mode), a database from a
 * newer version, or a damaged one. The app then runs on an in-memory store for this tab.
 */
import { useEffect, useState } from 'react';
import { progressService } from '../service/service-connection';
import { useStorageStatus } from '../storage/progress-connection';
import { rescueExport } from '../storage/rescue-export';
import { downloadJson } from '../ui/download-json';

export default function StorageBanner() {
  const problem = useStorageStatus((s) => s.problem);
  const [message, setMessage] = useState<string>();
  useEffect(() => {
    // Opening the store early is what finds the problem, before the user starts working.
    progressService().catch(() => {});
  }, []);
  if (!problem) return null;
  const canRescue = problem.reason !== 'unavailable';
  const rescue = async () => {
    try {
      const now = Date.now();
      const result = await rescueExport(now);
      downloadJson(`drillbook-rescued-${new Date(now).toISOString().slice(0, 10)}.json`, result.file);
      setMessage(
        `Exported ${result.reviews} reviews${result.unreadable.length ? `; could not read: ${result.unreadable.join(', ')}` : ''}.`,
      );
    } catch (error) {
      setMessage(`Nothing could be read: ${(error as Error).message}`);
    }
  };
  return (
    <div className="storage-banner" role="alert">
      <p>
        <strong>Your progress will not be kept.</strong> {problem.message} Everything works in this tab, but what you do
        here is lost when you close it.
      </p>
      {canRescue && (
        <p>
          <button type="button" className="button small" onClick={() => void rescue()}>
            Export what can be read
          </button>{' '}
          {message && <span role="status">{message}</span>}
        </p>
      )}
    </div>
  );
}
