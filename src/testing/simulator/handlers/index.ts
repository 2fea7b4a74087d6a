import { ACCOUNT_HANDLERS } from './account';
import type { HandlerTable } from './context';
import { FILE_HANDLERS } from './files';
import { GROUP_CONTENT_HANDLERS } from './group-content';
import { GROUP_HANDLERS } from './groups';
import { MESSAGE_HANDLERS } from './messages';
import { STREAM_HANDLERS } from './streams';

/** Every stateful handler of the simulator, keyed by NapCat action name. */
export const HANDLERS: HandlerTable = {
  ...MESSAGE_HANDLERS,
  ...ACCOUNT_HANDLERS,
  ...GROUP_HANDLERS,
  ...GROUP_CONTENT_HANDLERS,
  ...FILE_HANDLERS,
  ...STREAM_HANDLERS,
};

export { StreamAnswer, type Handler, type HandlerContext, type HandlerTable } from './context';
