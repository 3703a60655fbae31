/** Writes a waiting draft when the page is hidden or left, or the editor closes: a quick reload loses nothing. */
import { useEffect } from 'react';

export function useFlushOnLeave(flush: (() => void) | undefined): void {
  useEffect(() => {
    if (!flush) return;
    const onHide = () => {
      if (document.visibilityState === 'hidden') flush();
    };
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', onHide);
    return () => {
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', onHide);
      flush();
    };
  }, [flush]);
}
