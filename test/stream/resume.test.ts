import { VirtualTimeScheduler } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { RESUME_IDLE_MS, ResumeRegistry } from '../../src/stream/resume';

const shape = { totalChunks: 4, chunkSize: 10, size: 35 };

describe('ResumeRegistry', () => {
  it('remembers acknowledged chunks per stream id for the same shape', () => {
    const registry = new ResumeRegistry(new VirtualTimeScheduler());
    registry.begin('s', shape);
    registry.ack('s', 0);
    registry.ack('s', 2);
    expect([...(registry.acknowledged('s', shape) ?? [])]).toEqual([0, 2]);
    expect(registry.acknowledged('s', { ...shape, size: 36 })).toBeUndefined();
    expect(registry.has('s')).toBe(true);
  });

  it('forgets a stream when dropped', () => {
    const registry = new ResumeRegistry(new VirtualTimeScheduler());
    registry.begin('s', shape);
    registry.drop('s');
    expect(registry.acknowledged('s', shape)).toBeUndefined();
    expect(registry.size).toBe(0);
  });

  it('expires a stream idle for 10 minutes, activity restarting the clock', () => {
    const scheduler = new VirtualTimeScheduler();
    const registry = new ResumeRegistry(scheduler);
    const advance = (ms: number) => {
      scheduler.schedule(() => undefined, ms);
      scheduler.flush();
    };
    registry.begin('s', shape);
    advance(RESUME_IDLE_MS - 1000);
    registry.ack('s', 1);
    advance(RESUME_IDLE_MS - 1000);
    expect(registry.acknowledged('s', shape)).toEqual(new Set([1]));
    advance(1000);
    expect(registry.acknowledged('s', shape)).toBeUndefined();
  });
});
