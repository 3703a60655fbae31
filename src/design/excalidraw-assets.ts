/**
 * Excalidraw reads its font location from a global when it loads; ours are copied into the build
 * (scripts/vite-plugin-excalidraw.ts), so fonts come from our origin and work offline.
 */
declare global {
  interface Window {
    EXCALIDRAW_ASSET_PATH?: string | string[];
  }
}

export function pointExcalidrawAtOurAssets(): void {
  window.EXCALIDRAW_ASSET_PATH = `${import.meta.env.BASE_URL}excalidraw/`;
}
