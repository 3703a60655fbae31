/**
 * The Python interpreter snapshot the build ships (scripts/vite-plugin-python-snapshot.ts makes
 * it in Node with the harness loaded; the Python worker restores it). A memory snapshot skips
 * most of Python's start-up, so even a first visit starts Python in well under a second of CPU.
 */
export const BUNDLED_SNAPSHOT_FILE = 'python-snapshot.bin';
/** Served from the folder Pyodide's own files are served from. */
export const BUNDLED_SNAPSHOT_PATH = `/pyodide/${BUNDLED_SNAPSHOT_FILE}`;
