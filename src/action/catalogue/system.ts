import * as t from 'io-ts';
import { MessageParam } from '../../message/message-param';
import { action, NoParams, type ActionDef } from '../define';
import { ANY_SCHEMA_NOTE as ANY, NoResult, optional, struct } from './shared';
import { NOT_COLLECTED } from './support';
import { lazyRows } from '../lazy-rows';

/** `check_url_safely` reply: 1 safe, 2 unknown, 3 dangerous. */
export const UrlSafety = struct({ level: t.number }, 'UrlSafety');
export interface UrlSafety extends t.TypeOf<typeof UrlSafety> {}

/** `.get_word_slices` reply: the words of the content. */
export const WordSlices = struct({ slices: t.array(t.string) }, 'WordSlices');
export interface WordSlices extends t.TypeOf<typeof WordSlices> {}

/** What `.handle_quick_operation` does with an event: reply, recall, kick, ban, approve … */
export const QuickOperation = struct(
  {
    reply: optional(MessageParam),
    auto_escape: optional(t.boolean),
    at_sender: optional(t.boolean),
    delete: optional(t.boolean),
    kick: optional(t.boolean),
    ban: optional(t.boolean),
    ban_duration: optional(t.number),
    approve: optional(t.boolean),
    remark: optional(t.string),
    reason: optional(t.string),
  },
  'QuickOperation',
);
export type QuickOperation = t.TypeOf<typeof QuickOperation>;

/** OneBot 11 and go-cqhttp service actions: restart, cache, OCR, URL check, quick operations. */
export const SYSTEM_ACTIONS = lazyRows({
  set_restart: () => action({
    params: struct({ delay: optional(t.number) }, 'SetRestartParams'),
    result: NoResult,
    origin: 'onebot11',
    doc: 'Restarts the backend (after `delay` ms where supported).',
    support: NOT_COLLECTED,
    note: 'NapCat ignores `delay`.',
  }),
  clean_cache: () => action({
    params: NoParams,
    result: NoResult,
    origin: 'onebot11',
    doc: 'Clears the backend\'s cached files.',
    support: NOT_COLLECTED,
  }),
  ocr_image: () => action({
    params: struct({ image: t.string }, 'OcrImageParams'),
    result: t.unknown,
    origin: 'go-cqhttp',
    doc: 'Recognises the text in an image (`file` of a received image segment, a path or a URL).',
    support: NOT_COLLECTED,
    note: `${ANY}. go-cqhttp answers \`{ texts, language }\`; NapCat (Windows only) a list of text blocks.`,
    untyped:
      "the OCR answer is untyped in NapCat's source (the kernel typing says GeneralCallResult, the handler returns its `result`, the example `{ texts }`); go-cqhttp answers `{ texts, language }`",
  }),
  check_url_safely: () => action({
    params: struct({ url: t.string }, 'CheckUrlSafelyParams'),
    result: UrlSafety,
    origin: 'go-cqhttp',
    doc: 'Asks QQ how safe a URL is (1 safe, 2 unknown, 3 dangerous).',
    support: NOT_COLLECTED,
  }),
  '.handle_quick_operation': () => action({
    params: struct({ context: t.UnknownRecord, operation: QuickOperation }, 'HandleQuickOperationParams'),
    result: NoResult,
    origin: 'onebot11',
    doc: 'Applies a quick operation (reply, recall, kick, ban, approve …) to the event in `context`.',
    support: NOT_COLLECTED,
    sends: 'quick-reply',
  }),
  '.get_word_slices': () => action({
    params: struct({ content: t.string }, 'GetWordSlicesParams'),
    result: WordSlices,
    origin: 'go-cqhttp',
    doc: 'Splits a text into words.',
    support: NOT_COLLECTED,
    note: 'NapCat lists the name but registers no handler for it.',
  }),
} satisfies Record<string, () => ActionDef>);
