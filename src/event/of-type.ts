import { type OperatorFunction, filter } from 'rxjs';
import type { OneBotEvent } from '../codec/event';
import { type EventOf, type EventQuery, matchAny } from './query';

/**
 * Keeps the events matching any of the dotted queries, narrowing the type exactly.
 *
 * @example
 * client.events$.pipe(ofType('notice.group_increase', 'notice.group_decrease'))
 *   .subscribe((n) => console.log(n.notice_type, n.user_id));
 */
export function ofType<Q extends EventQuery>(...queries: [Q, ...Q[]]): OperatorFunction<OneBotEvent, EventOf<Q>> {
  const matches = matchAny(queries);
  return filter((event): event is EventOf<Q> => matches(event));
}
