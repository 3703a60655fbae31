/**
 * Writes the newest state of something the user is editing, one write at a time: while a write
 * is in flight only the latest state waits, so fast typing or drawing never queues a backlog and
 * the last change always lands.
 */
export class LatestWriter<T> {
  private pending: T | undefined;
  private writing = false;
  private idle: Promise<void> = Promise.resolve();

  constructor(
    private readonly write: (value: T) => Promise<void>,
    private readonly onResult: (error: Error | undefined) => void,
  ) {}

  push(value: T): void {
    this.pending = value;
    if (!this.writing) this.idle = this.drain();
  }

  /** Resolves once every pushed value has been written (or has failed). */
  flushed(): Promise<void> {
    return this.idle;
  }

  private async drain(): Promise<void> {
    this.writing = true;
    while (this.pending !== undefined) {
      const value = this.pending;
      this.pending = undefined;
      try {
        await this.write(value);
        this.onResult(undefined);
      } catch (error) {
        this.onResult(error as Error);
      }
    }
    this.writing = false;
  }
}
