// @vitest-environment jsdom
/** The self-ticking clock behind the mock countdowns and the drill timer. */
import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useNow } from '../../src/ui/use-now';

const T0 = new Date(2026, 11, 5, 9, 0, 0).getTime();

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(T0);
});
afterEach(() => vi.useRealTimers());

describe('useNow', () => {
  it('ticks every interval while active', () => {
    const { result } = renderHook(() => useNow(1000));
    expect(result.current).toBe(T0);
    act(() => vi.advanceTimersByTime(999));
    expect(result.current).toBe(T0);
    act(() => vi.advanceTimersByTime(1));
    expect(result.current).toBe(T0 + 1000);
    act(() => vi.advanceTimersByTime(3000));
    expect(result.current).toBe(T0 + 4000);
  });

  it('stands still while inactive (a paused mock) and catches up at once when resumed', () => {
    const { result, rerender } = renderHook(({ active }) => useNow(1000, active), { initialProps: { active: false } });
    act(() => vi.advanceTimersByTime(5000));
    expect(result.current).toBe(T0);
    rerender({ active: true });
    expect(result.current).toBe(T0 + 5000);
  });

  it('stops its timer when the clock goes away', () => {
    const { unmount } = renderHook(() => useNow(250));
    expect(vi.getTimerCount()).toBe(1);
    unmount();
    expect(vi.getTimerCount()).toBe(0);
  });
});
