import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { variantOf } from '../../scripts/browser-variants';

/** Every `*.browser.ts` under `src/`, relative to the repository. */
function browserVariantFiles(dir = 'src'): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return browserVariantFiles(path);
    return entry.name.endsWith('.browser.ts') ? [path] : [];
  });
}

describe('browser variants', () => {
  it('name the sibling X.browser.ts of a module, with or without its extension', () => {
    expect(variantOf('/r/src/transport/open-socket')).toBe('/r/src/transport/open-socket.browser.ts');
    expect(variantOf('/r/src/transport/open-socket.ts')).toBe('/r/src/transport/open-socket.browser.ts');
    expect(variantOf('/r/src/x.js')).toBe('/r/src/x.browser.ts');
  });

  it('exist for the socket and the transport choice', () => {
    expect(browserVariantFiles()).toEqual(
      expect.arrayContaining([join('src', 'client', 'transport-for.browser.ts'), join('src', 'transport', 'open-socket.browser.ts')]),
    );
  });
});
