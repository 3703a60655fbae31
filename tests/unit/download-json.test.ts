// @vitest-environment jsdom
/** Exports leave Drillbook only as a file the browser downloads: named as asked, holding the JSON. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { downloadBlob, downloadJson } from '../../src/ui/download-json';

let clicked: HTMLAnchorElement[];
let blobs: Map<string, Blob>;
let revoked: string[];

beforeEach(() => {
  vi.useFakeTimers();
  clicked = [];
  blobs = new Map();
  revoked = [];
  // jsdom has no object URLs and does not download: record what would have happened.
  vi.stubGlobal('URL', {
    ...URL,
    createObjectURL: (blob: Blob) => {
      const url = `blob:drillbook/${blobs.size}`;
      blobs.set(url, blob);
      return url;
    },
    revokeObjectURL: (url: string) => revoked.push(url),
  });
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    clicked.push(this);
  });
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('downloadJson', () => {
  it('downloads the value as a JSON file under the given name', async () => {
    downloadJson('drillbook-backup-2026-12-05.json', { reviews: [{ id: 'r1' }], note: 'é' });
    expect(clicked).toHaveLength(1);
    const [link] = clicked;
    expect(link.download).toBe('drillbook-backup-2026-12-05.json');
    const blob = blobs.get(link.href) as Blob;
    expect(blob.type).toBe('application/json');
    expect(JSON.parse(await blob.text())).toEqual({ reviews: [{ id: 'r1' }], note: 'é' });
  });

  it('frees the file’s memory once the download has had time to start', () => {
    downloadBlob('a.txt', new Blob(['a']));
    vi.advanceTimersByTime(9_999);
    expect(revoked).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(revoked).toEqual([clicked[0].href]);
  });
});
