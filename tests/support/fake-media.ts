/**
 * Stand-ins for the browser's microphone (getUserMedia), MediaRecorder and SpeechRecognition, for
 * testing the answer recorder in Node. `installFakeMedia()` puts them on the global scope and
 * returns handles to what the code under test created.
 */
import { vi } from 'vitest';

export interface FakeTrack {
  stopped: boolean;
  stop(): void;
}

export class FakeMediaRecorder {
  state: 'inactive' | 'recording' = 'inactive';
  timeslice?: number;
  ondataavailable: ((event: { data: Blob }) => void) | null = null;
  onstop: (() => void) | null = null;

  constructor(
    readonly stream: { getTracks(): FakeTrack[] },
    readonly options: { audioBitsPerSecond?: number },
    readonly mimeType = 'audio/webm;codecs=opus',
  ) {}

  start(timeslice?: number): void {
    this.state = 'recording';
    this.timeslice = timeslice;
  }

  /** The browser hands over a chunk of audio. */
  emit(data: Blob): void {
    this.ondataavailable?.({ data });
  }

  stop(): void {
    this.state = 'inactive';
    this.onstop?.();
  }
}

/** A SpeechRecognition; `local` says whether it has the on-device option (processLocally). */
export function fakeRecognitionClass(local: boolean, availability?: () => Promise<string>) {
  const created: FakeRecognition[] = [];
  class FakeRecognition {
    continuous = false;
    interimResults = true;
    lang = '';
    started = false;
    stopped = false;
    onresult:
      | ((event: { results: ArrayLike<ArrayLike<{ transcript: string }> & { isFinal: boolean }> }) => void)
      | null = null;
    onerror: (() => void) | null = null;
    constructor() {
      created.push(this);
    }
    start() {
      this.started = true;
    }
    stop() {
      this.stopped = true;
    }
    /** The recogniser hears these final phrases so far (each event carries all results). */
    hear(...phrases: string[]) {
      this.onresult?.({ results: phrases.map((transcript) => Object.assign([{ transcript }], { isFinal: true })) });
    }
    static available = availability ? vi.fn(availability) : undefined;
  }
  if (local) Object.defineProperty(FakeRecognition.prototype, 'processLocally', { value: false, writable: true });
  return { Recognition: FakeRecognition, created };
}

export interface FakeMedia {
  recorders: FakeMediaRecorder[];
  tracks: FakeTrack[];
  getUserMedia: ReturnType<typeof vi.fn>;
}

/**
 * Installs a microphone that grants access (or rejects with `denied`), a MediaRecorder and a
 * navigator in the given language.
 */
export function installFakeMedia(options: { denied?: Error; language?: string; noMediaDevices?: boolean } = {}) {
  const media: FakeMedia = { recorders: [], tracks: [], getUserMedia: vi.fn() };
  media.getUserMedia.mockImplementation(async () => {
    if (options.denied) throw options.denied;
    const track: FakeTrack = {
      stopped: false,
      stop() {
        this.stopped = true;
      },
    };
    media.tracks.push(track);
    return { getTracks: () => [track] };
  });
  vi.stubGlobal('navigator', {
    language: options.language ?? 'en-GB',
    mediaDevices: options.noMediaDevices ? undefined : { getUserMedia: media.getUserMedia },
  });
  vi.stubGlobal(
    'MediaRecorder',
    class extends FakeMediaRecorder {
      constructor(stream: { getTracks(): FakeTrack[] }, recorderOptions: { audioBitsPerSecond?: number }) {
        super(stream, recorderOptions);
        media.recorders.push(this);
      }
    },
  );
  return media;
}

/** A DOMException-like error as getUserMedia rejects with. */
export function mediaError(name: string, message = name): Error {
  return Object.assign(new Error(message), { name });
}
