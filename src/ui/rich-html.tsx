import { type ElementType, useEffect, useRef } from 'react';

interface RichHtmlProps {
  /** HTML rendered and sanitized at build time by scripts/bank (never user input). */
  html: string;
  as?: ElementType;
  className?: string;
}

/**
 * A formula wider than its column scrolls sideways; keyboard users must be able to reach it to
 * scroll it, so such a formula (and only such a one) becomes a tab stop.
 */
function makeWideFormulasFocusable(root: HTMLElement) {
  for (const formula of root.querySelectorAll<HTMLElement>('.katex-display')) {
    // Either way counts: a tall formula can overflow its box by a pixel or two too.
    const wide = formula.scrollWidth > formula.clientWidth || formula.scrollHeight > formula.clientHeight;
    if (wide) {
      formula.tabIndex = 0;
      formula.setAttribute('role', 'group');
      formula.setAttribute('aria-label', 'Formula, scrolls sideways');
    } else if (formula.tabIndex === 0) {
      formula.removeAttribute('tabindex');
      formula.removeAttribute('role');
      formula.removeAttribute('aria-label');
    }
  }
}

export function RichHtml({ html, as: Tag = 'div', className }: RichHtmlProps) {
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    const root = ref.current;
    if (!root || !html.includes('katex-display') || typeof ResizeObserver === 'undefined') return;
    const check = () => makeWideFormulasFocusable(root);
    check();
    // KaTeX's fonts arrive after the first layout and change the formulas' widths.
    void document.fonts?.ready.then(check);
    const observer = new ResizeObserver(check);
    observer.observe(root);
    return () => observer.disconnect();
  }, [html]);
  return (
    <Tag
      ref={ref}
      className={className ? `rich ${className}` : 'rich'}
      // biome-ignore lint/security/noDangerouslySetInnerHtml: sanitized at build time by scripts/bank/render-markdown.ts
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}
