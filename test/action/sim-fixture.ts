import { firstValueFrom, type Observable } from 'rxjs';
import type { ActionDef } from '../../src/action/define';
import { CATALOGUE } from '../../src/action/catalogue/index';
import type { Client } from '../../src/index';
import type { ActionCall, Simulator } from '../../src/testing/index';

/** The default world of the simulator: its account, group and members. */
export const SELF = 10000;
export const GROUP = 300001;
export const ALICE = 20001;
export const BOB = 20002;
/** Users outside the world, who send requests. */
export const CAROL = 30003;
export const DAVE = 30004;

/** Catalogue rows by wire name. */
export const ROWS: Readonly<Record<string, ActionDef>> = CATALOGUE;

/** Ids that only exist once the world holds messages, requests, files, folders and notices. */
export interface Fixture {
  /** A group message the account sent. */
  readonly messageId: number;
  /** A group message already marked essence. */
  readonly essenceId: number;
  /** A private message Alice sent. */
  readonly privateMessageId: number;
  readonly friendFlag: string;
  readonly groupFlag: string;
  readonly fileId: string;
  readonly folderId: string;
  readonly noticeId: string;
}

const first = <T>(source: Observable<T>): Promise<T> => firstValueFrom(source);

/** Fills the world through the client (and the simulator's events) and returns the ids it handed out. */
export async function buildFixture(client: Client, sim: Simulator): Promise<Fixture> {
  const { message_id: messageId } = await first(client.sendGroupMessage(GROUP, 'fixture'));
  const { message_id: essenceId } = await first(client.sendGroupMessage(GROUP, 'essence'));
  await first(client.setEssenceMessage(essenceId));
  const message = sim.events.privateMessage({ user_id: ALICE, message: 'hi bot' });
  await sim.emit(message);
  const friendRequest = sim.events.friendRequest({ user_id: CAROL, comment: 'add me' });
  await sim.emit(friendRequest);
  const groupRequest = sim.events.groupRequest({ group_id: GROUP, user_id: DAVE, comment: 'let me in' });
  await sim.emit(groupRequest);
  const { file_id } = (await first(client.uploadGroupFile(GROUP, '/nonexistent/fixture.txt', 'fixture.txt'))) as { file_id: string };
  await first(client.createGroupFileFolder(GROUP, 'docs'));
  const root = await first(client.getGroupRootFiles(GROUP));
  await first(client.sendGroupNotice(GROUP, 'fixture notice'));
  const [notice] = (await first(client.getGroupNotice(GROUP))) as ReadonlyArray<{ notice_id: string }>;
  return {
    messageId: Number(messageId),
    essenceId: Number(essenceId),
    privateMessageId: Number(message['message_id']),
    friendFlag: String(friendRequest['flag']),
    groupFlag: String(groupRequest['flag']),
    fileId: file_id,
    folderId: root.folders?.[0]?.folder_id ?? '',
    noticeId: notice?.notice_id ?? '',
  };
}

/** The calls the simulator has received so far (read from its replayed `calls$`). */
export function callsOf(sim: Simulator): ActionCall[] {
  const calls: ActionCall[] = [];
  sim.calls$.subscribe((call) => calls.push(call)).unsubscribe();
  return calls;
}

/** A call's outcome: its one value, or its error. */
export type Outcome = { readonly value: unknown } | { readonly error: unknown };

/** Subscribes to a call and settles with its first value or its error. */
export function outcomeOf(source: Observable<unknown>): Promise<Outcome> {
  return firstValueFrom(source).then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
}

/** Collects what a client reports on `errors$` until the returned `stop` is called. */
export function collectErrors(client: Client): { readonly errors: unknown[]; stop(): void } {
  const errors: unknown[] = [];
  const subscription = client.errors$.subscribe((error) => errors.push(error));
  return { errors, stop: () => subscription.unsubscribe() };
}
