/** TypeScript -> JavaScript with sucrase: types stripped, line numbers kept (errors point at the user's line). */
import { transform } from 'sucrase';

/**
 * Candidates paste `export function f(...)` from their editors; the runner calls `f` from a plain
 * script, so a leading `export` (or `export default`) on a declaration is dropped, keeping lines.
 */
export function dropExports(code: string): string {
  return code.replace(
    /^([ \t]*)export[ \t]+(?:default[ \t]+)?(?=(?:async[ \t]+)?function\b|const\b|let\b|var\b|class\b)/gm,
    '$1',
  );
}

export function transpileTypeScript(code: string): string {
  return transform(dropExports(code), { transforms: ['typescript'], disableESTransforms: true }).code;
}
