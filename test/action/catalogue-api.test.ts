import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { API_TYPES_FILE, renderApiTypes } from '../../scripts/gen-api-types';

describe('src/action/catalogue-api.ts', () => {
  it('is exactly what the generator renders from the catalogue (run `npm run docs:actions`)', async () => {
    expect(readFileSync(API_TYPES_FILE, 'utf8')).toBe(await renderApiTypes());
  });
});
