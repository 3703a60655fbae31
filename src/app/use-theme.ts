import { useEffect, useSyncExternalStore } from 'react';
import { applyTheme, resolveTheme, systemTheme, type Theme, useThemeStore } from '../ui/theme-store';

function subscribeToSystemTheme(onChange: () => void): () => void {
  const query = matchMedia('(prefers-color-scheme: dark)');
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}

/** The theme in force; keeps <html data-theme> in step with the choice and the system setting. */
export function useTheme(): Theme {
  const choice = useThemeStore((s) => s.choice);
  const system = useSyncExternalStore(subscribeToSystemTheme, systemTheme, () => 'light' as Theme);
  const theme = resolveTheme(choice, system);
  useEffect(() => applyTheme(theme), [theme]);
  return theme;
}
