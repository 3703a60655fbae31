// @vitest-environment jsdom
/**
 * The theme follows the system until the user picks one, is remembered, and is put on <html> so
 * the CSS switches; media queries re-render their readers when they change.
 */
import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useTheme } from '../../src/app/use-theme';
import { resolveTheme, systemTheme, useThemeStore } from '../../src/ui/theme-store';
import { useMediaQuery } from '../../src/ui/use-media-query';
import { installMatchMedia } from '../support/fake-match-media';

const DARK = '(prefers-color-scheme: dark)';

beforeEach(() => {
  localStorage.clear();
  useThemeStore.setState({ choice: 'system' });
});
afterEach(() => vi.unstubAllGlobals());

describe('useMediaQuery', () => {
  it('answers the query now and again when it changes, and stops listening on unmount', () => {
    const media = installMatchMedia({ '(max-width: 600px)': true });
    const { result, unmount } = renderHook(() => useMediaQuery('(max-width: 600px)'));
    expect(result.current).toBe(true);
    act(() => media.set('(max-width: 600px)', false));
    expect(result.current).toBe(false);
    unmount();
    expect(media.listenerCount('(max-width: 600px)')).toBe(0);
  });
});

describe('the theme', () => {
  it('follows the system while the choice is “system”, and puts it on <html>', () => {
    const media = installMatchMedia({ [DARK]: true });
    const { result } = renderHook(() => useTheme());
    expect(result.current).toBe('dark');
    expect(document.documentElement.dataset.theme).toBe('dark');
    expect(document.documentElement.style.colorScheme).toBe('dark');
    act(() => media.set(DARK, false));
    expect(result.current).toBe('light');
    expect(document.documentElement.dataset.theme).toBe('light');
  });

  it('keeps the user’s pick whatever the system says, and remembers it', () => {
    const media = installMatchMedia({ [DARK]: true });
    const { result } = renderHook(() => useTheme());
    act(() => useThemeStore.getState().setChoice('light'));
    expect(result.current).toBe('light');
    act(() => media.set(DARK, false));
    act(() => media.set(DARK, true));
    expect(result.current).toBe('light');
    expect(JSON.parse(localStorage.getItem('drillbook-theme') ?? '{}')).toMatchObject({ state: { choice: 'light' } });
  });

  it('comes back from storage on the next visit', async () => {
    installMatchMedia({ [DARK]: false });
    localStorage.setItem('drillbook-theme', JSON.stringify({ state: { choice: 'dark' }, version: 1 }));
    await useThemeStore.persist.rehydrate();
    expect(useThemeStore.getState().choice).toBe('dark');
    expect(renderHook(() => useTheme()).result.current).toBe('dark');
  });

  it('is light where the browser cannot say what the system prefers', () => {
    vi.stubGlobal('matchMedia', undefined);
    expect(systemTheme()).toBe('light');
    expect(resolveTheme('system', 'dark')).toBe('dark');
    expect(resolveTheme('dark', 'light')).toBe('dark');
  });
});
