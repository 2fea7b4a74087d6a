import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CATALOGUE } from '../../src/action/catalogue/index';
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

  it("says when a result is t.unknown because NapCat's schema is Any", () => {
    const row = committed.split('\n').find((line) => line.startsWith('| `get_doubt_friends_add_request` '));
    expect(row).toContain("| t.unknown (NapCat's schema is Any) |");
  });
});
