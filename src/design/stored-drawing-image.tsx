/** The drawing saved under a scope, as a picture; nothing when the board was left empty. */
import { useEffect, useState } from 'react';
import { DrawingImage } from './drawing-image';
import { nonEmptyDrawing, type StoredDrawing } from './drawing-repository';

export function StoredDrawingImage({ scope, label }: { scope: string; label: string }) {
  const [drawing, setDrawing] = useState<StoredDrawing>();
  useEffect(() => {
    let live = true;
    void nonEmptyDrawing(scope).then((d) => live && setDrawing(d));
    return () => {
      live = false;
    };
  }, [scope]);
  return drawing ? <DrawingImage drawing={drawing} label={label} /> : null;
}
