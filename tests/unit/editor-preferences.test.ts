// @vitest-environment jsdom
/** Vim key bindings: kept on this device, and every screen using the hook follows a change at once. */
import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setVimEnabled, useVimEnabled, vimEnabled } from '../../src/drills/editor-preferences';

beforeEach(() => localStorage.clear());
afterEach(() => vi.restoreAllMocks());

describe('Vim key bindings', () => {
  it('are off until turned on, and the choice survives a reload', () => {
    expect(vimEnabled()).toBe(false);
    setVimEnabled(true);
    expect(vimEnabled()).toBe(true);
    expect(localStorage.getItem('drillbook-editor-vim')).toBe('on');
    setVimEnabled(false);
    expect(vimEnabled()).toBe(false);
    expect(localStorage.getItem('drillbook-editor-vim')).toBeNull();
  });

  it('reach every screen reading the hook as soon as they change', () => {
    const editor = renderHook(() => useVimEnabled());
    const settings = renderHook(() => useVimEnabled());
    expect(editor.result.current).toBe(false);
    act(() => setVimEnabled(true));
    expect(editor.result.current).toBe(true);
    expect(settings.result.current).toBe(true);
    editor.unmount();
    act(() => setVimEnabled(false));
    expect(settings.result.current).toBe(false);
  });

  it('read as off, and a change does not crash, when storage is refused', () => {
    vi.spyOn(Storage.prototype, 'getItem').mockImplementation(() => {
      throw new DOMException('denied', 'SecurityError');
    });
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('denied', 'SecurityError');
    });
    const { result } = renderHook(() => useVimEnabled());
    expect(() => act(() => setVimEnabled(true))).not.toThrow();
    expect(result.current).toBe(false);
  });
});
