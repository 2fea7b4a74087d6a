/** `client.api` is built from the catalogue and the one list of fire-and-forget suffixes. */
import * as t from 'io-ts';
import { of } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { buildApi } from '../../src/action/api';
import { ASYNC_SUFFIXES, NoParams, action, asyncBase } from '../../src/action/define';

const row = () => action({ params: NoParams, result: t.unknown, origin: 'onebot11', doc: 'test row' });
const catalogue = { get_status: row(), send_like: row() };

describe('buildApi', () => {
  it('gives every catalogued action one method plus one per fire-and-forget suffix, and raw', () => {
    const api = buildApi(catalogue, () => of(undefined), () => of(undefined));
    const names = Object.keys(api).sort();
    const expected = Object.keys(catalogue).flatMap((name) => [name, ...ASYNC_SUFFIXES.map((s) => name + s)]);
    expect(names).toEqual([...expected, 'raw'].sort());
    expect(names).toContain('send_like_rate_limited');
  });

  it('calls each variant under its own name, which asyncBase maps back to the row', () => {
    const called: string[] = [];
    const api = buildApi(
      catalogue,
      (name) => {
        called.push(name);
        return of(undefined);
      },
      () => of(undefined),
    ) as unknown as Record<string, (params?: unknown) => unknown>;
    for (const suffix of ASYNC_SUFFIXES) api[`get_status${suffix}`]?.({});
    expect(called).toEqual(['get_status_async', 'get_status_rate_limited']);
    expect(called.map(asyncBase)).toEqual(['get_status', 'get_status']);
  });
});
