import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

export /** Serious or critical WCAG 2.1 A/AA violations on the page as it is now. */
async function seriousViolations(page: Page, where: string) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    // Monaco's internals are its own widget; its editable area is named (checked by the drill tests).
    .exclude('.monaco-editor')
    // Excalidraw's canvas toolbar is its own widget too; our whiteboard controls beside it are checked.
    .exclude('.excalidraw')
    .analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${where}: ${v.id} (${v.impact}) ${v.nodes.length} node(s), first ${v.nodes[0]?.target.join(' ')}`);
}
