import { useEffect } from 'react';

/** Sets the tab title, so each screen is announced and findable in history. */
export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = title ? `${title} · Drillbook` : 'Drillbook';
  }, [title]);
}
