/**
 * Ready shapes for ML system diagrams: a labelled box per building block, placed where the user
 * is looking. Pure: returns Excalidraw element skeletons (convertToExcalidrawElements turns them
 * into elements), so placement is unit-tested without a canvas.
 */
export const ML_SHAPES = [
  { id: 'data-source', label: 'Data source', shape: 'ellipse', fill: '#d0ebff' },
  { id: 'feature-store', label: 'Feature store', shape: 'rectangle', fill: '#d3f9d8' },
  { id: 'model', label: 'Model', shape: 'rectangle', fill: '#ffe8cc' },
  { id: 'vector-index', label: 'Vector index', shape: 'rectangle', fill: '#e5dbff' },
  { id: 'queue', label: 'Queue', shape: 'rectangle', fill: '#fff3bf' },
  { id: 'cache', label: 'Cache', shape: 'rectangle', fill: '#c5f6fa' },
  { id: 'monitor', label: 'Monitor', shape: 'diamond', fill: '#ffc9c9' },
] as const;

export type MlShape = (typeof ML_SHAPES)[number];

export const SHAPE_WIDTH = 170;
export const SHAPE_HEIGHT = 70;

export interface Viewport {
  scrollX: number;
  scrollY: number;
  zoom: number;
  width: number;
  height: number;
}

export interface ShapeSkeleton {
  type: MlShape['shape'];
  x: number;
  y: number;
  width: number;
  height: number;
  backgroundColor: string;
  fillStyle: 'solid';
  strokeColor: string;
  roundness: { type: 3 } | null;
  label: { text: string };
}

const GAP_X = 40;
const GAP_Y = 50;
/** Cells of a 3 x 3 grid (0 top-left, 4 centre) in filling order: the middle row first, left to right, like a pipeline. */
const CELL_ORDER = [3, 4, 5, 0, 1, 2, 6, 7, 8];

/**
 * The skeleton for one shape, in the visible part of the canvas: the n-th box added goes to the
 * n-th cell of a 3 x 3 grid around the centre, so boxes added in a row sit side by side, ready
 * to be joined by arrows, instead of on top of each other.
 */
export function shapeSkeleton(shape: MlShape, viewport: Viewport, boxesOnBoard: number): ShapeSkeleton {
  const centreX = -viewport.scrollX + viewport.width / 2 / viewport.zoom;
  const centreY = -viewport.scrollY + viewport.height / 2 / viewport.zoom;
  const cell = CELL_ORDER[boxesOnBoard % CELL_ORDER.length];
  const column = (cell % 3) - 1;
  const row = Math.floor(cell / 3) - 1;
  return {
    type: shape.shape,
    x: Math.round(centreX - SHAPE_WIDTH / 2 + column * (SHAPE_WIDTH + GAP_X)),
    y: Math.round(centreY - SHAPE_HEIGHT / 2 + row * (SHAPE_HEIGHT + GAP_Y)),
    width: SHAPE_WIDTH,
    height: SHAPE_HEIGHT,
    backgroundColor: shape.fill,
    fillStyle: 'solid',
    strokeColor: '#1e1e1e',
    roundness: shape.shape === 'rectangle' ? { type: 3 } : null,
    label: { text: shape.label },
  };
}
