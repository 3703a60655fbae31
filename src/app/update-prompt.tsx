/**
 * Registers the service worker (offline use after one visit) and offers a new version instead of
 * swapping it in: the update waits until the user chooses, so a mock in progress is never reloaded
 * under them. Loaded after the first render to keep the home page light.
 */
import { useRegisterSW } from 'virtual:pwa-register/react';
import { useLocation } from 'wouter';

export default function UpdatePrompt() {
  const [location] = useLocation();
  const {
    needRefresh: [needRefresh, setNeedRefresh],
    offlineReady: [offlineReady, setOfflineReady],
    updateServiceWorker,
  } = useRegisterSW();
  if (!needRefresh && !offlineReady) return null;
  const inMock = /^\/mock\/./.test(location);
  return (
    <section className="update-prompt card" aria-label="App update" aria-live="polite">
      {needRefresh ? (
        <>
          <p>
            A new version of Drillbook is ready.
            {inMock && ' Your mock is saved; updating reloads the page and the mock resumes where it was.'}
          </p>
          <div className="actions">
            <button type="button" className="button primary small" onClick={() => void updateServiceWorker(true)}>
              Update now
            </button>
            <button type="button" className="button ghost small" onClick={() => setNeedRefresh(false)}>
              Later
            </button>
          </div>
        </>
      ) : (
        <>
          <p>Drillbook is ready to work offline.</p>
          <button type="button" className="button ghost small" onClick={() => setOfflineReady(false)}>
            OK
          </button>
        </>
      )}
    </section>
  );
}
