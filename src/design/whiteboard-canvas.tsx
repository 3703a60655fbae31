/**
 * The whiteboard itself: Excalidraw with a panel of ready ML shapes, PNG/SVG export, and a save
 * of the scene on every change. Loaded lazily (see whiteboard.tsx): Excalidraw is large.
 */
import '@excalidraw/excalidraw/index.css';
import {
  CaptureUpdateAction,
  convertToExcalidrawElements,
  Excalidraw,
  exportToBlob,
  exportToSvg,
  hashElementsVersion,
} from '@excalidraw/excalidraw';
import type { ExcalidrawElement } from '@excalidraw/excalidraw/element/types';
import type { ExcalidrawImperativeAPI, LibraryItems } from '@excalidraw/excalidraw/types';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { LatestWriter } from '../storage/latest-writer';
import { downloadBlob } from '../ui/download-json';
import { usePageTheme } from '../ui/use-page-theme';
import { type DrawingElement, drawingRecord, loadDrawing, type StoredDrawing, saveDrawing } from './drawing-repository';
import { ML_SHAPES, type MlShape, shapeSkeleton } from './ml-shapes';

export interface WhiteboardCanvasProps {
  /** Where the drawing is stored (see drawing-repository.ts). */
  scope: string;
  /** Used for the downloaded file names. */
  fileName: string;
  /** Told how many elements the board holds after each save (a mock counts a drawing as an answer). */
  onElementCount?: (count: number) => void;
  readOnly?: boolean;
}

/** Saves wait this long after the last change: a drag fires a change per frame, a save per drag is enough. */
const SAVE_DELAY_MS = 150;

const asElements = (elements: readonly DrawingElement[]) => elements as unknown as readonly ExcalidrawElement[];

// The library sidebar offers the same shapes as the panel, for dragging onto the board.
const libraryItems: LibraryItems = ML_SHAPES.map((shape) => ({
  id: `drillbook-${shape.id}`,
  status: 'published' as const,
  name: shape.label,
  created: 0,
  elements: convertToExcalidrawElements([
    shapeSkeleton(shape, { scrollX: 0, scrollY: 0, zoom: 1, width: 0, height: 0 }, 0),
  ]) as LibraryItems[number]['elements'],
}));

const UI_OPTIONS = {
  canvasActions: { loadScene: false, saveToActiveFile: false, export: false, saveAsImage: false, toggleTheme: false },
} as const;

async function timedSave(scope: string, drawing: StoredDrawing): Promise<void> {
  const start = performance.now();
  await saveDrawing(scope, drawing);
  // Read by `npm run bench`: the time from handing the scene over to IndexedDB having it.
  performance.measure('drawing-save', { start, detail: { elements: drawing.elements.length } });
}

export default function WhiteboardCanvas({ scope, fileName, onElementCount, readOnly }: WhiteboardCanvasProps) {
  const theme = usePageTheme();
  const [loaded, setLoaded] = useState<{ elements: readonly DrawingElement[]; damaged: boolean }>();
  const [loadError, setLoadError] = useState<string>();
  const [saveError, setSaveError] = useState<string>();
  const [saved, setSaved] = useState(false);
  // The shape buttons wait for the board: a shape added before Excalidraw has applied the saved
  // scene was lost (the scene replaced it), which a quick click on a slow machine did.
  const [ready, setReady] = useState(false);
  const api = useRef<ExcalidrawImperativeAPI | null>(null);
  const lastVersion = useRef<number | undefined>(undefined);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const pending = useRef<readonly DrawingElement[] | undefined>(undefined);
  const onCount = useRef(onElementCount);
  onCount.current = onElementCount;

  const writer = useMemo(
    () =>
      new LatestWriter<StoredDrawing>(
        (drawing) => timedSave(scope, drawing),
        (error) => {
          setSaveError(
            error
              ? `Drawing not saved: ${error.message} It stays on the board; the next change saves again.`
              : undefined,
          );
          setSaved(!error);
        },
      ),
    [scope],
  );

  useEffect(() => {
    let live = true;
    setLoaded(undefined);
    loadDrawing(scope)
      .then((result) => {
        if (!live) return;
        const elements = result.status === 'ok' ? result.drawing.elements : [];
        lastVersion.current = hashElementsVersion(asElements(elements));
        setLoaded({ elements, damaged: result.status === 'damaged' });
      })
      .catch((error: Error) => live && setLoadError(error.message));
    return () => {
      live = false;
    };
  }, [scope]);

  // Whatever is still waiting for its save is written when the board goes away.
  useEffect(
    () => () => {
      clearTimeout(timer.current);
      if (pending.current) writer.push(drawingRecord(pending.current, Date.now()));
      pending.current = undefined;
    },
    [writer],
  );

  const flush = () => {
    const elements = pending.current;
    pending.current = undefined;
    if (!elements) return;
    const record = drawingRecord(elements, Date.now());
    writer.push(record);
    onCount.current?.(record.elements.length);
  };

  const handleChange = (elements: readonly ExcalidrawElement[]) => {
    if (readOnly) return;
    const version = hashElementsVersion(elements);
    if (version === lastVersion.current) return; // selection, scrolling, zoom: nothing to save
    lastVersion.current = version;
    pending.current = elements as unknown as readonly DrawingElement[];
    setSaved(false);
    clearTimeout(timer.current);
    timer.current = setTimeout(flush, SAVE_DELAY_MS);
  };

  const addShape = (shape: MlShape) => {
    const board = api.current;
    if (!board) return;
    const state = board.getAppState();
    const existing = board.getSceneElements();
    const viewport = {
      scrollX: state.scrollX,
      scrollY: state.scrollY,
      zoom: state.zoom.value,
      width: state.width,
      height: state.height,
    };
    const boxes = existing.filter((e) => e.type !== 'text' && e.type !== 'arrow' && e.type !== 'line').length;
    const added = convertToExcalidrawElements([shapeSkeleton(shape, viewport, boxes)]);
    board.updateScene({ elements: [...existing, ...added], captureUpdate: CaptureUpdateAction.IMMEDIATELY });
  };

  const exportImage = async (format: 'png' | 'svg') => {
    const board = api.current;
    if (!board) return;
    const elements = board.getSceneElements();
    const appState = { exportBackground: true, viewBackgroundColor: '#ffffff', exportWithDarkMode: false };
    if (format === 'png') {
      const blob = await exportToBlob({ elements, appState, files: board.getFiles(), mimeType: 'image/png' });
      downloadBlob(`${fileName}.png`, blob);
    } else {
      // Fonts are not inlined: see render-drawing.ts.
      const svg = await exportToSvg({ elements, appState, files: board.getFiles(), skipInliningFonts: true });
      downloadBlob(`${fileName}.svg`, new Blob([svg.outerHTML], { type: 'image/svg+xml' }));
    }
  };

  // Stable props: the screens around the board re-render (clocks, typing) and Excalidraw is memoised.
  const initialData = useMemo(
    () =>
      loaded && {
        elements: asElements(loaded.elements),
        scrollToContent: loaded.elements.length > 0,
        libraryItems,
      },
    [loaded],
  );
  const onChange = useRef(handleChange);
  onChange.current = handleChange;
  const stableOnChange = useCallback((elements: readonly ExcalidrawElement[]) => onChange.current(elements), []);
  const stableApi = useCallback((instance: ExcalidrawImperativeAPI) => {
    api.current = instance;
    const whenLoaded = () => {
      if (api.current !== instance) return;
      if (instance.getAppState().isLoading) requestAnimationFrame(whenLoaded);
      else setReady(true);
    };
    whenLoaded();
  }, []);

  if (loadError) return <p role="alert">The drawing could not be loaded: {loadError}</p>;
  if (!loaded) return <p className="whiteboard-loading">Loading the drawing…</p>;

  return (
    <div className="whiteboard">
      {!readOnly && (
        <div className="whiteboard-tools">
          <fieldset className="whiteboard-shapes" disabled={!ready}>
            <legend>Add a shape</legend>
            {ML_SHAPES.map((shape) => (
              <button key={shape.id} type="button" className="button small" onClick={() => addShape(shape)}>
                {shape.label}
              </button>
            ))}
          </fieldset>
          <div className="whiteboard-export">
            <button type="button" className="button small" disabled={!ready} onClick={() => void exportImage('png')}>
              Download PNG
            </button>
            <button type="button" className="button small" disabled={!ready} onClick={() => void exportImage('svg')}>
              Download SVG
            </button>
            <span className="whiteboard-saved" role="status">
              {saved ? 'Drawing saved' : ''}
            </span>
          </div>
        </div>
      )}
      {loaded.damaged && (
        <p role="alert">
          The saved drawing could not be read, so the board starts blank.
          {readOnly ? '' : ' It is kept as it is until you draw here: your first change replaces it.'}
        </p>
      )}
      {saveError && <p role="alert">{saveError}</p>}
      <div className="whiteboard-canvas">
        <Excalidraw
          excalidrawAPI={stableApi}
          initialData={initialData || undefined}
          onChange={stableOnChange}
          theme={theme}
          viewModeEnabled={readOnly}
          UIOptions={UI_OPTIONS}
        />
      </div>
    </div>
  );
}
