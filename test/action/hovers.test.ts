import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * What an editor shows on hover: TypeScript's language service over a small in-memory file importing src, asked
 * for the quick info at each `/*?*\/` marker (the identifier just before it).
 */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const PROBE = `${ROOT}test/action/__hover-probe__.ts`;
const CODE = `
import { type NotifyNotice, type OneBotEvent, createClient } from '../../src/index';
const client = createClient({ url: 'ws://127.0.0.1:3001' });
client.setGroupBan/*?*/(1, 2);
client.sendGroupMessage/*?*/(1, 'hi');
client.api.set_group_ban/*?*/({ group_id: 1, user_id: 2 });
client.api.get_group_member_info/*?*/({ group_id: 1, user_id: 2 });
client.api.send_group_msg_async/*?*/({ group_id: 1, message: 'hi' });
client.getGroupMemberInfo(1, 2).subscribe((member) => member.role/*?*/);
client.api.send_group_msg_rate_limited/*?*/({ group_id: 1, message: 'hi' });
declare const event: OneBotEvent;
event/*?*/;
type Notify = NotifyNotice/*?*/;
`;

function quickInfos(code: string): string[] {
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    strict: true,
    skipLibCheck: true,
    types: [],
    lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
  };
  const host: ts.LanguageServiceHost = {
    getScriptFileNames: () => [PROBE],
    getScriptVersion: () => '1',
    getScriptSnapshot: (file) => {
      const text = file === PROBE ? code : ts.sys.readFile(file);
      return text === undefined ? undefined : ts.ScriptSnapshot.fromString(text);
    },
    getCurrentDirectory: () => ROOT,
    getCompilationSettings: () => options,
    getDefaultLibFileName: (o) => ts.getDefaultLibFilePath(o),
    fileExists: (file) => file === PROBE || ts.sys.fileExists(file),
    readFile: (file) => (file === PROBE ? code : ts.sys.readFile(file)),
    readDirectory: ts.sys.readDirectory,
    directoryExists: ts.sys.directoryExists,
    getDirectories: ts.sys.getDirectories,
  };
  const service = ts.createLanguageService(host);
  return [...code.matchAll(/\/\*\?\*\//g)].map((marker) => {
    const info = service.getQuickInfoAtPosition(PROBE, marker.index - 1);
    return `${ts.displayPartsToString(info?.displayParts)}\n${ts.displayPartsToString(info?.documentation)}`;
  });
}

describe('editor hovers', () => {
  let hovers: string[] = [];
  beforeAll(() => {
    hovers = quickInfos(CODE);
  }, 180_000);

  it('show a seed method with its parameter names, defaults and the catalogue doc', () => {
    const [setGroupBan = '', sendGroupMessage = ''] = hovers;
    expect(setGroupBan).toMatch(/setGroupBan\(groupId: IdInput, userId: IdInput, duration\?: number, options\?: CallOptions\)/);
    expect(setGroupBan).toContain('Mutes a member for `duration` seconds');
    expect(setGroupBan).toContain('`duration` defaults to `1800`');
    expect(setGroupBan).toMatch(/Support: NapCat yes, go-cqhttp yes, Lagrange yes/);
    expect(sendGroupMessage).toMatch(/sendGroupMessage\(groupId: IdInput, message: Message, options\?: CallOptions\): Observable<MessageIdResult>/);
    expect(sendGroupMessage).toContain('Sends `send_group_msg`');
  });

  it('show client.api methods with their params fields, result type and doc', () => {
    const [, , setGroupBan = '', memberInfo = '', asyncVariant = '', , rateLimited = ''] = hovers;
    expect(setGroupBan).toMatch(/set_group_ban\(params: \{\s*group_id: IdInput;\s*user_id: IdInput;\s*duration\?: number;?\s*\}/);
    expect(setGroupBan).toContain('NapCat defaults `duration` to 0 (unmute)');
    expect(memberInfo).toMatch(/Observable<GroupMemberInfo>/);
    expect(memberInfo).toContain('Reads one member of a group.');
    expect(asyncVariant).toMatch(/send_group_msg_async: \(params: \{\s*group_id: IdInput;\s*message: Message;/);
    expect(asyncVariant).toMatch(/Observable<undefined>/);
    expect(asyncVariant.replace(/\s+/g, ' ')).toContain(
      'Fire-and-forget variant of `send_group_msg`: the server queues it and answers at once; emits `undefined` once accepted. Answered by: NapCat, go-cqhttp.',
    );
    expect(rateLimited).toMatch(/send_group_msg_rate_limited: \(params: \{\s*group_id: IdInput;/);
    expect(rateLimited).toMatch(/Answered by: NapCat\.$/);
  });

  it('show the event unions derived from the codec tree as unions of named interfaces', () => {
    const [event = '', notify = ''] = hovers.slice(7);
    expect(event).toMatch(/^const event: PrivateMessageEvent \| GroupMessageEvent \| GuildMessageEvent \| /);
    expect(event).toMatch(/\| LifecycleEvent\n/);
    expect(event).not.toMatch(/EventsOf|Readonly|\{/);
    expect(notify).toMatch(/type NotifyNotice = PokeNotify \| LuckyKingNotify \| /);
    expect(notify).not.toMatch(/EventsOf|Readonly|\{/);
  });

  it('read results as plain object types with the protocol literal unions', () => {
    for (const hover of hovers) expect(hover).not.toMatch(/Flatten<|WithOptionalKeys<|TypeOf</);
    expect(hovers[5]).toMatch(/role\?: "owner" \| "admin" \| "member"/);
  });
});
