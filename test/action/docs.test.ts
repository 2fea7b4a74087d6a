import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as t from 'io-ts';
import { CATALOGUE } from '../../src/action/catalogue/index';
import type { ActionDef } from '../../src/action/define';
import { renderActionsDoc } from '../../scripts/gen-actions-doc';

const committed = readFileSync(new URL('../../docs/actions.md', import.meta.url), 'utf8');

describe('docs/actions.md', () => {
  it('is exactly what the generator renders from the catalogue (run `npm run docs:actions`)', () => {
    expect(committed).toBe(renderActionsDoc());
  });

  it('has one row per catalogued action', () => {
    const rows = committed.split('\n').filter((line) => line.startsWith('| `'));
    expect(rows).toHaveLength(Object.keys(CATALOGUE).length);
  });

  it('shows the seed method, params, result and support marks of a row', () => {
    const row = committed.split('\n').find((line) => line.startsWith('| `set_group_ban` '));
    expect(row).toBe(
      '| `set_group_ban` | `setGroupBan`, `unsetGroupBan` | `group_id: IdParam`, `user_id: IdParam`, `duration?: number` | `NoResult` | ✅ | ✅ | ✅ | Mutes a member for `duration` seconds; 0 lifts the mute. NapCat defaults `duration` to 0 (unmute); the OneBot 11 spec to 1800. |',
    );
  });

  it('explains, from the row, why each result that stays t.unknown is untyped (at least 90 % of rows precise)', () => {
    const lines = committed.split('\n');
    const rows = Object.entries(CATALOGUE as Readonly<Record<string, ActionDef>>);
    const untyped = rows.filter(([, row]) => row.result === t.unknown || (row.result instanceof t.ArrayType && row.result.type === t.unknown));
    expect(untyped.map(([name]) => name).sort()).toEqual(['.ocr_image', 'add_custom_face', 'create_collection', 'ocr_image']);
    expect(1 - untyped.length / rows.length).toBeGreaterThanOrEqual(0.9);
    for (const [name, row] of untyped) {
      expect([name, (row.untyped ?? '').length > 20]).toEqual([name, true]);
      const line = lines.find((l) => l.startsWith(`| \`${name}\` `));
      expect(line).toContain(`| t.unknown (${row.untyped ?? ''}) |`);
    }
  });
});
