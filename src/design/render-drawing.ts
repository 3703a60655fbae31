/** Turns a stored drawing into an SVG element (loaded lazily with Excalidraw's export code). */
import { exportToSvg } from '@excalidraw/excalidraw';
import type { ExcalidrawElement } from '@excalidraw/excalidraw/element/types';
import type { StoredDrawing } from './drawing-repository';

export async function renderDrawingSvg(drawing: StoredDrawing, dark: boolean): Promise<SVGSVGElement> {
  return exportToSvg({
    elements: drawing.elements as unknown as readonly ExcalidrawElement[],
    appState: { exportBackground: true, viewBackgroundColor: '#ffffff', exportWithDarkMode: dark },
    files: null,
    exportPadding: 16,
    // Inlining fonts subsets them with WebAssembly compiled through eval, which our CSP forbids
    // on the page; the page's own fonts (or the browser's) draw the labels instead.
    skipInliningFonts: true,
  });
}
