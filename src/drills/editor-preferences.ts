/** Editor preferences kept on this device (Vim key bindings), readable by any screen as a hook. */
import { useSyncExternalStore } from 'react';

const VIM_KEY = 'drillbook-editor-vim';
const listeners = new Set<() => void>();

export function vimEnabled(): boolean {
  try {
    return localStorage.getItem(VIM_KEY) === 'on';
  } catch {
    return false;
  }
}

export function setVimEnabled(on: boolean): void {
  try {
    if (on) localStorage.setItem(VIM_KEY, 'on');
    else localStorage.removeItem(VIM_KEY);
  } catch {
    // Storage refused: the choice cannot be kept.
  }
  for (const listener of listeners) listener();
}

export function useVimEnabled(): boolean {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    vimEnabled,
    () => false,
  );
}
