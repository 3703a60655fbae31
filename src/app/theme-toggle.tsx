import { useThemeStore } from '../ui/theme-store';
import { useTheme } from './use-theme';

export function ThemeToggle() {
  const theme = useTheme();
  const setChoice = useThemeStore((s) => s.setChoice);
  const next = theme === 'dark' ? 'light' : 'dark';
  return (
    <button
      type="button"
      className="icon-button"
      aria-label="Dark theme"
      aria-pressed={theme === 'dark'}
      title={`Switch to ${next} theme`}
      onClick={() => setChoice(next)}
    >
      <span aria-hidden="true">{theme === 'dark' ? '☾' : '☀'}</span>
    </button>
  );
}
