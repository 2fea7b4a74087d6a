import { VirtualTimeScheduler } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { type Deadlined, PendingCalls } from '../../src/action/pending-calls';

/** A call in flight as the table sees it. */
type Entry = Deadlined & { readonly echo: string };

function pending(echo: string, deadline: number): Entry {
  return { echo, timeout: deadline, deadline };
}

describe('PendingCalls', () => {
  it('expires each call at its own deadline with one timer', () => {
    const scheduler = new VirtualTimeScheduler();
    const expired: string[] = [];
    const table = new PendingCalls<Entry>(scheduler, (call) => {
      expired.push(`${call.echo}@${scheduler.now()}`);
      table.delete(call.echo);
    });
    table.add(pending('a', 300));
    table.add(pending('b', 100));
    table.add(pending('c', 200));
    scheduler.flush();
    expect(expired).toEqual(['b@100', 'c@200', 'a@300']);
    expect(table.size).toBe(0);
  });

  it('holds no timer once the table is empty, and none once disposed', () => {
    const scheduler = new VirtualTimeScheduler();
    const table = new PendingCalls<Entry>(scheduler, () => undefined);
    table.add(pending('a', 1000));
    expect(scheduler.actions.filter((a) => !a.closed).length).toBe(1);
    table.delete('a');
    expect(scheduler.actions.filter((a) => !a.closed).length).toBe(0);
    table.add(pending('b', 1000));
    table.dispose();
    expect(scheduler.actions.filter((a) => !a.closed).length).toBe(0);
  });

  it('does not expire a call whose deadline was pushed forward', () => {
    const scheduler = new VirtualTimeScheduler();
    const expired: number[] = [];
    const table = new PendingCalls<Entry>(scheduler, (call) => {
      expired.push(scheduler.now());
      table.delete(call.echo);
    });
    const call = pending('s', 100);
    table.add(call);
    scheduler.schedule(() => table.touch(call), 50);
    scheduler.flush();
    expect(expired).toEqual([150]);
  });

  it('reports busy once when the first call arrives and idle once when the last leaves', () => {
    const busy: boolean[] = [];
    const table = new PendingCalls<Entry>(new VirtualTimeScheduler(), () => undefined, (b) => busy.push(b));
    table.add(pending('a', 100));
    table.add(pending('b', 100));
    table.delete('a');
    table.delete('a');
    table.delete('b');
    expect(busy).toEqual([true, false]);
  });

  it('does not expire a call that an earlier expiry in the same sweep ended', () => {
    const scheduler = new VirtualTimeScheduler();
    const expired: string[] = [];
    const table = new PendingCalls<Entry>(scheduler, (call) => {
      expired.push(String(call.echo));
      table.delete('a');
      table.delete('b');
    });
    table.add(pending('a', 100));
    table.add(pending('b', 100));
    scheduler.flush();
    expect(expired).toEqual(['a']);
  });

  it('re-arms at the earliest remaining deadline, not the last one seen', () => {
    const scheduler = new VirtualTimeScheduler();
    const expired: string[] = [];
    const table = new PendingCalls<Entry>(scheduler, (call) => {
      expired.push(`${call.echo}@${scheduler.now()}`);
      table.delete(call.echo);
    });
    for (const [echo, deadline] of [['a', 300], ['b', 100], ['c', 200], ['d', 400]] as const) table.add(pending(echo, deadline));
    scheduler.flush();
    expect(expired).toEqual(['b@100', 'c@200', 'a@300', 'd@400']);
  });

  it('keeps an earlier deadline armed by a call added during the sweep', () => {
    const scheduler = new VirtualTimeScheduler();
    const expired: string[] = [];
    const table = new PendingCalls<Entry>(scheduler, (call) => {
      expired.push(`${call.echo}@${scheduler.now()}`);
      table.delete(call.echo);
      if (call.echo === 'a') table.add(pending('n', 150));
    });
    table.add(pending('a', 100));
    table.add(pending('b', 300));
    scheduler.flush();
    expect(expired).toEqual(['a@100', 'n@150', 'b@300']);
  });

  it('schedules nothing more once the last call has expired', () => {
    const scheduler = new VirtualTimeScheduler();
    const delays: number[] = [];
    const schedule = scheduler.schedule.bind(scheduler);
    scheduler.schedule = ((work: () => void, delay = 0) => {
      delays.push(delay);
      return schedule(work, delay);
    }) as typeof scheduler.schedule;
    const table = new PendingCalls<Entry>(scheduler, (call) => table.delete(call.echo));
    table.add(pending('a', 100));
    scheduler.flush();
    expect(delays).toEqual([100]);
  });
});
