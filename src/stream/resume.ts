import type { SchedulerLike } from 'rxjs';

/** How long an upload's acknowledged set is kept without activity (NapCat drops idle streams at 10 min). */
export const RESUME_IDLE_MS = 10 * 60 * 1000;

/** The shape of an upload: a resumed upload must match it, or it starts again. */
export interface UploadShape {
  readonly totalChunks: number;
  readonly chunkSize: number;
  readonly size: number;
}

interface Entry {
  readonly shape: UploadShape;
  readonly acked: Set<number>;
  touched: number;
}

/**
 * The chunks the server acknowledged per `streamId`, in this process only (NapCat's status reply is a count,
 * not a list). Entries go on completion, on reset, or after {@link RESUME_IDLE_MS} without activity; expiry
 * is checked lazily against the scheduler's clock, so no timer is held.
 */
export class ResumeRegistry {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly scheduler: SchedulerLike,
    private readonly idleMs = RESUME_IDLE_MS,
  ) {}

  /** The acknowledged chunk indexes of a live entry for `streamId` with the same shape, if any. */
  acknowledged(streamId: string, shape: UploadShape): ReadonlySet<number> | undefined {
    this.expire();
    const entry = this.entries.get(streamId);
    if (entry === undefined) return undefined;
    const same =
      entry.shape.totalChunks === shape.totalChunks && entry.shape.chunkSize === shape.chunkSize && entry.shape.size === shape.size;
    return same ? entry.acked : undefined;
  }

  /** Whether an entry for `streamId` is alive (whatever its shape). */
  has(streamId: string): boolean {
    this.expire();
    return this.entries.has(streamId);
  }

  /** Starts (or restarts) `streamId` with nothing acknowledged. */
  begin(streamId: string, shape: UploadShape): void {
    this.entries.set(streamId, { shape, acked: new Set(), touched: this.scheduler.now() });
  }

  /** Records that the server acknowledged chunk `index` of `streamId`. */
  ack(streamId: string, index: number): void {
    const entry = this.entries.get(streamId);
    if (entry === undefined) return;
    entry.acked.add(index);
    entry.touched = this.scheduler.now();
  }

  /** Forgets `streamId` (completed or reset). */
  drop(streamId: string): void {
    this.entries.delete(streamId);
  }

  /** Live entries. */
  get size(): number {
    this.expire();
    return this.entries.size;
  }

  private expire(): void {
    const oldest = this.scheduler.now() - this.idleMs;
    for (const [id, entry] of this.entries) if (entry.touched <= oldest) this.entries.delete(id);
  }
}
