import { describe, expect, it } from 'vitest';
import { ML_SHAPES, SHAPE_HEIGHT, SHAPE_WIDTH, shapeSkeleton } from '../../src/design/ml-shapes';

const viewport = { scrollX: -100, scrollY: -50, zoom: 2, width: 1000, height: 600 };
const overlaps = (a: { x: number; y: number }, b: { x: number; y: number }) =>
  Math.abs(a.x - b.x) < SHAPE_WIDTH && Math.abs(a.y - b.y) < SHAPE_HEIGHT;

describe('shapeSkeleton', () => {
  it('puts the second box in the middle of what the user sees, at any scroll and zoom', () => {
    const box = shapeSkeleton(ML_SHAPES[0], viewport, 1);
    // Visible scene area: x from 100 to 600, y from 50 to 350; its centre is (350, 200).
    expect(box.x + SHAPE_WIDTH / 2).toBe(350);
    expect(box.y + SHAPE_HEIGHT / 2).toBe(200);
  });

  it('places nine boxes added in a row without any two overlapping', () => {
    const boxes = Array.from({ length: 9 }, (_, i) => shapeSkeleton(ML_SHAPES[i % ML_SHAPES.length], viewport, i));
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) expect(overlaps(boxes[i], boxes[j])).toBe(false);
  });

  it('labels each box with its building block', () => {
    expect(ML_SHAPES.map((s) => shapeSkeleton(s, viewport, 0).label.text)).toEqual([
      'Data source',
      'Feature store',
      'Model',
      'Vector index',
      'Queue',
      'Cache',
      'Monitor',
    ]);
  });
});
