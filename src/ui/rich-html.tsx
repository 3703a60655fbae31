import type { ElementType } from 'react';

interface RichHtmlProps {
  /** HTML rendered and sanitized at build time by scripts/bank (never user input). */
  html: string;
  as?: ElementType;
  className?: string;
}

export function RichHtml({ html, as: Tag = 'div', className }: RichHtmlProps) {
  // biome-ignore lint/security/noDangerouslySetInnerHtml: sanitized at build time by scripts/bank/render-markdown.ts
  return <Tag className={className ? `rich ${className}` : 'rich'} dangerouslySetInnerHTML={{ __html: html }} />;
}
