import * as t from 'io-ts';
import type { SchedulerLike } from 'rxjs';
import { type CallLink, type CallerDeps, createCaller } from '../../src/action/caller';
import { NoParams, action } from '../../src/action/define';
import { SILENT_LOGGER } from '../../src/logger';

/**
 * A caller's dependencies for a test: `given` over the fixed ones (echoes `tag:<n>`, a 1 s default timeout,
 * results not checked strictly, silent, nothing reported or fatal).
 */
export function callerDeps<L extends CallLink>(given: Pick<CallerDeps<L>, 'catalogue' | 'link' | 'scheduler'> & Partial<CallerDeps<L>>): CallerDeps<L> {
  return {
    defaultTimeout: 1000,
    strictResults: false,
    tag: 'tag',
    logger: SILENT_LOGGER,
    report: () => undefined,
    fatal: () => undefined,
    ...given,
  };
}

/** A one-action catalogue: `get_status`, answered `{ online: boolean }`. */
export const STATUS_CATALOGUE = {
  get_status: action({ params: NoParams, result: t.type({ online: t.boolean }), origin: 'onebot11', doc: 'status' }),
};

/**
 * A caller over {@link STATUS_CATALOGUE} and `link` on `scheduler` (echoes `tag:<n>`, 1 s default timeout,
 * silent, nothing reported), and `answer(echo)`, which replies `{ online: true }` to the call with `echo`.
 */
export function statusCaller(link: CallLink, scheduler: SchedulerLike) {
  const caller = createCaller(callerDeps({ catalogue: STATUS_CATALOGUE, link: () => link, scheduler }));
  const answer = (echo: string) =>
    caller.reply({ kind: 'reply', text: '', reply: { status: 'ok', retcode: 0, data: { online: true }, echo } });
  return { caller, answer };
}
