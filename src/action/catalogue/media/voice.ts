import * as t from 'io-ts';
import { IdParam } from '../../../codec/id';
import { action, type ActionDef } from '../../define';
import { compat } from '../support';
import { NAPCAT_ONLY, NumberOrString } from '../napcat/common';
import { MessageIdResult, optional, struct } from '../shared';
import { lazyRows } from '../../lazy-rows';

/** One AI voice a group can use. */
export const AiCharacter = struct(
  { character_id: t.string, character_name: t.string, preview_url: t.string },
  'AiCharacter',
);
export interface AiCharacter extends t.TypeOf<typeof AiCharacter> {}

/** One category of AI voices (`get_ai_characters` answers a list of these). */
export const AiCharacterGroup = struct({ type: t.string, characters: t.array(AiCharacter) }, 'AiCharacterGroup');
export interface AiCharacterGroup extends t.TypeOf<typeof AiCharacterGroup> {}

/** `{ character, group_id, text }`: speak `text` with an AI voice in a group. */
export const AiRecordParams = struct({ character: t.string, group_id: IdParam, text: t.string }, 'AiRecordParams');
export interface AiRecordParams extends t.TypeOf<typeof AiRecordParams> {}

/** The AI voice actions exist in NapCat and Lagrange.OneBot as their own extensions. */
const AI_VOICE_SUPPORT = compat('unsupported', 'extension', 'extension');

/** Voice extras: QQ's AI voices (text to speech in groups) and speech-to-text of voice messages. */
export const VOICE_ACTIONS = lazyRows({
  get_ai_characters: () => action({
    params: struct({ group_id: IdParam, chat_type: optional(NumberOrString) }, 'GetAiCharactersParams'),
    result: t.array(AiCharacterGroup, 'AiCharacterGroups'),
    origin: 'napcat',
    doc: 'Lists the AI voices available in a group, by category.',
    support: AI_VOICE_SUPPORT,
    note: "Needs NapCat's packet backend; `chat_type` defaults to 1.",
  }),
  get_ai_record: () => action({
    params: AiRecordParams,
    result: t.string,
    origin: 'napcat',
    doc: 'Synthesises `text` with an AI voice and answers the voice file URL.',
    support: AI_VOICE_SUPPORT,
    note: "Needs NapCat's packet backend.",
  }),
  send_group_ai_record: () => action({
    params: AiRecordParams,
    result: MessageIdResult,
    origin: 'napcat',
    doc: 'Sends `text` spoken by an AI voice to a group.',
    support: AI_VOICE_SUPPORT,
    note: "Needs NapCat's packet backend. NapCat answers `message_id: 0`: the sent message's ID is not known.",
  }),
  fetch_ptt_text: () => action({
    params: struct({ message_id: IdParam }, 'FetchPttTextParams'),
    result: struct({ text: t.string }, 'PttText'),
    origin: 'napcat',
    doc: 'Transcribes a received voice message to text.',
    support: NAPCAT_ONLY,
  }),
} satisfies Record<string, () => ActionDef>);
