import { useSyncExternalStore } from 'react';

export type PageTheme = 'light' | 'dark';

function subscribe(onChange: () => void): () => void {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  return () => observer.disconnect();
}

const read = (): PageTheme => (document.documentElement.dataset.theme === 'dark' ? 'dark' : 'light');

/**
 * The theme the page is showing, read from <html data-theme> (which the app shell keeps in step
 * with the user's choice), so components in lower rooms follow it without importing the shell.
 */
export function usePageTheme(): PageTheme {
  return useSyncExternalStore(subscribe, read, () => 'light');
}
