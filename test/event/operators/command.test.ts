import fc from 'fast-check';
import { of } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { type CommandMatch, type CommandOptions, command } from '../../../src/event/operators/command';
import { type GroupMessageEvent, type Segment, segment } from '../../../src/index';
import { marbles } from '../../helpers/marbles';
import { groupMessage } from './messages';

type Parsed = Omit<CommandMatch<GroupMessageEvent>, 'event'>;

/** What `command(names, options)` emits for one message (without the event), or `undefined`. */
function parse(content: string | Segment[], names: string | string[], options?: CommandOptions): Parsed | undefined {
  let found: Parsed | undefined;
  of(groupMessage(content))
    .pipe(command(names, options))
    .subscribe(({ event: _event, ...rest }) => {
      found = rest;
    });
  return found;
}

describe('command', () => {
  it('parses the arguments after the command word', () => {
    expect(parse('/ban 123 60', '/ban')).toEqual({ name: '/ban', args: ['123', '60'], rest: '123 60', mentions: [] });
  });

  it('matches the whole word: /ban does not take /bank', () => {
    expect(parse('/bank 1', '/ban')).toBeUndefined();
    expect(parse('/ba', '/ban')).toBeUndefined();
    expect(parse('say /ban', '/ban')).toBeUndefined();
  });

  it('skips leading whitespace and a leading reply segment', () => {
    expect(parse('  \t/ban  7 ', '/ban')).toEqual({ name: '/ban', args: ['7'], rest: '7', mentions: [] });
    expect(parse([segment.reply(99), segment.text(' /ban 7')], '/ban')?.args).toEqual(['7']);
  });

  it('does not match a message that starts with something else than text', () => {
    expect(parse([segment.at(1), segment.text(' /ban')], '/ban')).toBeUndefined();
    expect(parse([segment.image('a.png')], '/ban')).toBeUndefined();
    expect(parse('', '/ban')).toBeUndefined();
  });

  it('collects at targets as mentions and keeps them out of the arguments', () => {
    const parsed = parse([segment.text('/ban '), segment.at(10001), segment.text(' 10m')], '/ban');
    expect(parsed).toEqual({ name: '/ban', args: ['10m'], rest: '10m', mentions: [10001] });
    const glued = parse([segment.text('/kick'), segment.at('12345678901234567890')], '/kick');
    expect(glued).toEqual({ name: '/kick', args: [], rest: '', mentions: ['12345678901234567890'] });
  });

  it('treats a non-text segment between words as a separator', () => {
    expect(parse([segment.text('/say a'), segment.face(1), segment.text('b')], '/say')?.args).toEqual(['a', 'b']);
  });

  it('puts the prefix before every name and reports the name as given', () => {
    expect(parse('/mute 5', ['ban', 'mute'], { prefix: '/' })?.name).toBe('mute');
    expect(parse('mute 5', ['ban', 'mute'], { prefix: '/' })).toBeUndefined();
  });

  it('is case sensitive unless told otherwise', () => {
    expect(parse('/BAN 1', '/ban')).toBeUndefined();
    expect(parse('/BAN 1', '/ban', { caseSensitive: false })).toEqual({ name: '/ban', args: ['1'], rest: '1', mentions: [] });
  });

  it('rejects names that could never match', () => {
    expect(() => command('')).toThrow(TypeError);
    expect(() => command('/ban me')).toThrow(/one word/);
    expect(() => command([])).toThrow(TypeError);
  });

  it(
    'emits one match per invoking message, in order',
    marbles((m) => {
      const a = groupMessage('/ban 1');
      const b = groupMessage('hello');
      const c = groupMessage('/kick 2');
      const source = m.cold('abc|', { a, b, c });
      m.expect(source.pipe(command(['/ban', '/kick']))).toBeObservable('a-c|', {
        a: { event: a, name: '/ban', args: ['1'], rest: '1', mentions: [] },
        c: { event: c, name: '/kick', args: ['2'], rest: '2', mentions: [] },
      });
    }),
  );

  it('returns any whitespace-free arguments exactly, whatever the spacing', () => {
    const word = fc.stringMatching(/^\S{1,8}$/);
    const gap = fc.stringMatching(/^[ \t\n]{1,3}$/);
    fc.assert(
      fc.property(fc.array(fc.tuple(gap, word), { maxLength: 6 }), gap, (pairs, tail) => {
        const text = `/cmd${pairs.map(([g, w]) => g + w).join('')}${tail}`;
        const parsed = parse(text, '/cmd');
        expect(parsed?.args).toEqual(pairs.map(([, w]) => w));
        expect(parsed?.rest).toBe(text.slice(4).trim());
      }),
    );
  });
});
