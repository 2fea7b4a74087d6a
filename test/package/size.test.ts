import { describe, expect, it } from 'vitest';
import { formatSize, measureSize } from '../../bench/size';

describe('bench/size.ts', () => {
  it('bundles the minimal browser bot and reports plausible figures with its biggest inputs', async () => {
    const report = await measureSize({ pack: false, top: 3 });
    expect(report.bundle.gzip).toBeGreaterThan(1_000);
    expect(report.bundle.minified).toBeGreaterThan(report.bundle.gzip);
    // The catalogue and the transfer code are lazy chunks: the total is more than the initial part.
    expect(report.bundle.chunks).toBeGreaterThan(1);
    expect(report.bundle.total.gzip).toBeGreaterThan(report.bundle.gzip);
    expect(report.bundle.top).toHaveLength(3);
    expect(report.bundle.top.map((c) => c.path)).toContain('src/action/');
    expect(report.bundle.top.every((c) => c.bytes > 0 && c.gzip > 0 && c.gzip < c.bytes)).toBe(true);
    // The lazy core (frame decoder and runtime) and the catalogue are loaded by import(), not at start.
    expect(report.bundle.lazy.map((c) => c.name)).toEqual(
      expect.arrayContaining(['client/lazy-core-parts.ts', 'action/catalogue/index.ts']),
    );
    // rxjs stays external: a user's page brings its own.
    expect(report.bundle.top.map((c) => c.path)).not.toContain('node_modules/rxjs');
    expect(report.pack).toBeUndefined();
    expect(formatSize(report)).toMatch(/min\+gzip/);
  });
});
