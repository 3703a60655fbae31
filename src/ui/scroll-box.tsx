import { type ReactNode, useEffect, useRef, useState } from 'react';

/**
 * A box a chart or table scrolls sideways in on a narrow screen. While it does scroll, it is a named
 * keyboard stop, so arrow keys can scroll it too (and axe's scrollable-region rule holds).
 */
export function ScrollBox({
  label,
  children,
  startAtEnd = false,
  className = 'chart-scroll',
}: {
  label: string;
  className?: string;
  children: ReactNode;
  /** Scroll to the right end at first, where a time chart keeps its latest days. */
  startAtEnd?: boolean;
}) {
  const ref = useRef<HTMLElement>(null);
  const [scrolls, setScrolls] = useState(false);
  useEffect(() => {
    const box = ref.current;
    if (!box || typeof ResizeObserver === 'undefined') return;
    const check = () => setScrolls(box.scrollWidth > box.clientWidth + 1);
    check();
    if (startAtEnd) box.scrollLeft = box.scrollWidth;
    const observer = new ResizeObserver(check);
    observer.observe(box);
    return () => observer.disconnect();
  }, [startAtEnd]);
  // One element throughout (swapping elements would leave the observer on a detached one).
  return (
    <section
      ref={ref}
      className={className}
      tabIndex={scrolls ? 0 : undefined}
      aria-label={scrolls ? `${label} (scrolls sideways)` : undefined}
    >
      {children}
    </section>
  );
}
