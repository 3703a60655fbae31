import { afterEach, describe, expect, it } from 'vitest';
import { rememberLanguage, storedLanguage } from '../../src/drills/editor-language';

const values = new Map<string, string>();
globalThis.localStorage = {
  getItem: (k: string) => values.get(k) ?? null,
  setItem: (k: string, v: string) => void values.set(k, v),
  removeItem: (k: string) => void values.delete(k),
} as Storage;

afterEach(() => values.clear());

describe('the remembered drill language', () => {
  it('ignores anything but python or typescript (a bad stored value used to crash the drill page)', () => {
    values.set('drillbook-drill-language', 'cobol');
    expect(storedLanguage()).toBeUndefined();
    values.set('drillbook-drill-language', '"python"');
    expect(storedLanguage()).toBeUndefined();
  });

  it('reads back what was chosen', () => {
    rememberLanguage('typescript');
    expect(storedLanguage()).toBe('typescript');
  });
});
