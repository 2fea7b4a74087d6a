/** The heartbeat timer: runs while someone listens for events, heartbeats are on, and the interval is > 0. */
export class Heartbeat {
  private timer: ReturnType<typeof setInterval> | undefined;
  private paused = false;

  constructor(
    private readonly interval: number,
    private readonly beat: () => void,
  ) {}

  /** Starts or stops the timer for the number of clients that receive events. */
  update(listeners: number): void {
    const run = listeners > 0 && !this.paused && this.interval > 0;
    if (run && this.timer === undefined) this.timer = setInterval(this.beat, this.interval);
    if (!run) this.stop();
  }

  /** Pauses (`true`) or resumes (`false`) heartbeats; call {@link Heartbeat.update} after resuming. */
  pause(paused: boolean): void {
    this.paused = paused;
    if (paused) this.stop();
  }

  /** Clears the timer. */
  stop(): void {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
  }
}
