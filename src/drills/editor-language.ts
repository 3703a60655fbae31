/** The languages a drill can be written in, and reading the user's last choice safely. */
import { type CodeLanguage, type DrillLanguage, isDrillLanguage } from '../bank/types';

export type EditorLanguage = CodeLanguage;

export const LANGUAGE_LABELS: Record<EditorLanguage, string> = {
  python: 'Python',
  typescript: 'TypeScript',
  sql: 'SQL',
};

const LANGUAGE_KEY = 'drillbook-drill-language';

/** The last language chosen for Python/TypeScript drills; anything else stored there is ignored. */
export function storedLanguage(): DrillLanguage | undefined {
  try {
    const value = localStorage.getItem(LANGUAGE_KEY);
    return isDrillLanguage(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

export function rememberLanguage(language: DrillLanguage): void {
  try {
    localStorage.setItem(LANGUAGE_KEY, language);
  } catch {
    // Private mode or a full disk: the choice is only forgotten.
  }
}
