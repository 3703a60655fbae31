/** Writes a waiting draft when the page is hidden or left, or the editor closes: a quick reload loses nothing. */
import { useEffect } from 'react';

export function useFlushOnLeave(flush: ((leaving?: boolean) => void) | undefined): void {
  useEffect(() => {
    if (!flush) return;
    const onHide = () => {
      if (document.visibilityState === 'hidden') flush();
    };
    const onLeave = () => flush(true);
    window.addEventListener('pagehide', onLeave);
    document.addEventListener('visibilitychange', onHide);
    return () => {
      window.removeEventListener('pagehide', onLeave);
      document.removeEventListener('visibilitychange', onHide);
      flush();
    };
  }, [flush]);
}
