/** A stored drawing shown as a picture (assessment, report, peer review), with a text alternative. */
import { useEffect, useRef, useState } from 'react';
import { usePageTheme } from '../ui/use-page-theme';
import type { StoredDrawing } from './drawing-repository';
import { pointExcalidrawAtOurAssets } from './excalidraw-assets';

/** The labels written on the board, for the image's text alternative. */
export function drawingLabels(drawing: StoredDrawing): string[] {
  return drawing.elements
    .map((e) => (e.type === 'text' && typeof e.text === 'string' ? e.text.trim() : ''))
    .filter((text) => text.length > 0);
}

export function DrawingImage({ drawing, label }: { drawing: StoredDrawing; label: string }) {
  const theme = usePageTheme();
  const holder = useRef<HTMLDivElement>(null);
  const [error, setError] = useState<string>();

  useEffect(() => {
    let live = true;
    pointExcalidrawAtOurAssets();
    import('./render-drawing')
      .then(({ renderDrawingSvg }) => renderDrawingSvg(drawing, theme === 'dark'))
      .then((svg) => {
        if (!live || !holder.current) return;
        svg.setAttribute('aria-hidden', 'true');
        svg.removeAttribute('width');
        svg.removeAttribute('height');
        holder.current.replaceChildren(svg);
      })
      .catch((e: Error) => live && setError(e.message));
    return () => {
      live = false;
    };
  }, [drawing, theme]);

  const labels = drawingLabels(drawing);
  const shapes = drawing.elements.filter((e) => e.type !== 'text').length;
  const description = `${label}: ${shapes} ${shapes === 1 ? 'shape' : 'shapes'}${labels.length ? `, labelled ${labels.join(', ')}` : ''}.`;
  return (
    <figure className="drawing-image">
      {error ? (
        <p role="alert">The drawing could not be shown: {error}</p>
      ) : (
        <div ref={holder} role="img" aria-label={description} />
      )}
      <figcaption>{label}</figcaption>
    </figure>
  );
}
