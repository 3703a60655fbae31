/**
 * Markdown -> sanitized HTML at build time: GFM, KaTeX math and highlighted code. Raw HTML in a
 * question file is dropped and the result is sanitized before math is typeset, so nothing a
 * question file says can reach the page as script, event handler or javascript: link.
 */
import type { Root as HastRoot } from 'hast';
import type { Root as MdastRoot, RootContent } from 'mdast';
import rehypeHighlight from 'rehype-highlight';
import rehypeKatex from 'rehype-katex';
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';

const sanitizeSchema: SanitizeSchema = {
  ...defaultSchema,
  attributes: {
    ...defaultSchema.attributes,
    // Keep the classes remark-math uses to mark formulas, so KaTeX can typeset them afterwards.
    code: [['className', /^language-./, 'math-inline', 'math-display']],
  },
};

const parser = unified().use(remarkParse).use(remarkGfm).use(remarkMath);
const toHtml = unified()
  .use(remarkRehype)
  .use(rehypeSanitize, sanitizeSchema)
  .use(rehypeKatex, { strict: 'error' })
  .use(rehypeHighlight, { detect: false })
  .use(rehypeStringify);

export class MarkdownError extends Error {}

export function parseMarkdown(markdown: string): MdastRoot {
  return parser.runSync(parser.parse(markdown)) as MdastRoot;
}

/** Renders Markdown nodes to HTML; throws MarkdownError when a formula does not typeset. */
export function renderNodes(children: RootContent[]): string {
  const file = new VFile();
  const root: MdastRoot = { type: 'root', children };
  const hast = toHtml.runSync(root, file) as HastRoot;
  const problems = file.messages.filter((m) => m.fatal !== null);
  if (problems.length > 0) {
    const first = problems[0];
    const detail = first.cause instanceof Error ? first.cause.message : first.reason;
    throw new MarkdownError(`math that KaTeX rejects: ${detail}`);
  }
  return toHtml.stringify(hast, file).trim();
}

export function renderMarkdown(markdown: string): string {
  return renderNodes(parseMarkdown(markdown).children);
}
