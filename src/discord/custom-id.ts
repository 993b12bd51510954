/**
 * Button custom_ids that carry the whole paging state — command, query, page, owner — so that a click works after
 * a restart and on any shard, with no state kept in memory. Signed, so an edited or forged id is refused.
 *
 * Layout: `z1|<action><command>|<page>|<owner>|<item>|<mac>|<query>`; the query comes last and is cut to fit
 * Discord's 100 characters, and a cut query is flagged so that the click can say "run the command again"
 * instead of answering a different question.
 */
import { createHmac } from 'node:crypto';

export const MAX_CUSTOM_ID = 100;
const VERSION = 'z1';
const DEFAULT_SECRET = 'zonebot-custom-id';
const COMMANDS = ['ask', 'zone', 'measure', 'stats', 'source'] as const;
const ACTIONS = { p: 'page', s: 'share' } as const;
const COMMAND_CODES: Record<(typeof COMMANDS)[number], string> = { ask: 'a', zone: 'z', measure: 'm', stats: 's', source: 'c' };

export interface ButtonState {
  action: 'page' | 'share';
  command: (typeof COMMANDS)[number];
  query: string;
  page: number;
  /** The user who ran the command: the only one who may page or share it. */
  owner: string;
  /** Index of one hit on the page, to share a single excerpt. */
  item?: number;
  /** True when the query was too long to carry whole: the state cannot be replayed. */
  truncated?: boolean;
}

function mac(body: string, secret: string): string {
  return createHmac('sha256', secret).update(body).digest('base64url').slice(0, 8);
}

/** Cuts on code points so that no surrogate pair is split. */
function fitQuery(query: string, room: number): { text: string; cut: boolean } {
  if (query.length <= room) return { text: query, cut: false };
  let text = '';
  for (const ch of query) {
    if (text.length + ch.length > room) break;
    text += ch;
  }
  return { text, cut: true };
}

export function encodeCustomId(state: ButtonState, secret = DEFAULT_SECRET): string {
  const actionCode = state.action === 'page' ? 'p' : 's';
  const head = [VERSION, actionCode + COMMAND_CODES[state.command], String(state.page), state.owner, state.item === undefined ? '' : String(state.item)];
  const prefixLength = head.join('|').length + 1 + 8 + 1 + 1; // |mac|flag
  const { text, cut } = fitQuery(state.query, MAX_CUSTOM_ID - prefixLength);
  const flag = cut || state.truncated ? '~' : '=';
  const body = [...head, flag + text].join('|');
  return [...head, mac(body, secret), flag + text].join('|');
}

/** The state behind a custom_id, or undefined for anything not made by `encodeCustomId` with this secret. */
export function decodeCustomId(id: string, secret = DEFAULT_SECRET): ButtonState | undefined {
  if (typeof id !== 'string' || id.length > MAX_CUSTOM_ID) return undefined;
  const parts = id.split('|');
  if (parts.length < 7 || parts[0] !== VERSION) return undefined;
  const [version, codes, pageText, owner, itemText, signature] = parts as [string, string, string, string, string, string];
  const flagged = parts.slice(6).join('|'); // the query may itself contain `|`
  const body = [version, codes, pageText, owner, itemText, flagged].join('|');
  if (signature !== mac(body, secret)) return undefined;
  const action = ACTIONS[codes[0] as keyof typeof ACTIONS];
  const command = COMMANDS.find((c) => COMMAND_CODES[c] === codes.slice(1));
  const page = Number(pageText);
  if (!action || !command || !Number.isInteger(page) || page < 1 || !/^\d{1,20}$/.test(owner)) return undefined;
  const state: ButtonState = { action, command, query: flagged.slice(1), page, owner };
  if (itemText !== '') state.item = Number(itemText);
  if (flagged[0] === '~') state.truncated = true;
  return state;
}
