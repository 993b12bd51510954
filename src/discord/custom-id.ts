/**
 * Button custom_ids that, with the message they sit on, carry the whole paging state — command, query, page,
 * owner — so that a click works after a restart and on any shard, with no state kept in memory.
 *
 * A question of 300 characters does not fit Discord's 100-character custom_id, but a component interaction
 * carries its message: the query is written into the result's footer (see `query-line.ts`) and read back from
 * there. The id holds the rest and a MAC over all of it together with the exact query text, so an edited id, an
 * edited footer, an id moved onto another message or one minted with another deployment's key is refused.
 *
 * Layout: `z2|<action><command>|<page>|<owner>|<item>|<mac>`.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const MAX_CUSTOM_ID = 100;
const VERSION = 'z2';
const MAC_LENGTH = 16; // base64url characters: 96 bits
const COMMANDS = ['ask', 'zone', 'measure', 'stats', 'source'] as const;
const ACTIONS = { p: 'page', s: 'share' } as const;
const COMMAND_CODES: Record<(typeof COMMANDS)[number], string> = { ask: 'a', zone: 'z', measure: 'm', stats: 's', source: 'c' };

export type ButtonCommand = (typeof COMMANDS)[number];

export interface ButtonState {
  action: 'page' | 'share';
  command: ButtonCommand;
  page: number;
  /** The user who ran the command: the only one who may page or share it. */
  owner: string;
  /** Index of one hit on the page, to share a single excerpt. */
  item?: number;
}

const KEY_LABEL = 'zonebot custom_id signing key v2';

/**
 * The signing key of a deployment: CUSTOM_ID_SECRET when set, otherwise derived from the bot's token (a secret
 * every shard of the deployment already has), so that no key is ever written in the source.
 */
export function customIdKey(token: string, configured?: string): string {
  return configured ?? createHmac('sha256', token).update(KEY_LABEL).digest('base64url');
}

export function isButtonCommand(command: string): command is ButtonCommand {
  return (COMMANDS as readonly string[]).includes(command);
}

function mac(head: string, query: string, key: string): string {
  return createHmac('sha256', key).update(head).update('\n').update(query).digest('base64url').slice(0, MAC_LENGTH);
}

function headOf(state: ButtonState): string {
  const codes = (state.action === 'page' ? 'p' : 's') + COMMAND_CODES[state.command];
  return [VERSION, codes, String(state.page), state.owner, state.item === undefined ? '' : String(state.item)].join('|');
}

/** The custom_id of a button whose message shows `query` (the exact text `readQueryLine` will give back). */
export function encodeCustomId(state: ButtonState, query: string, key: string): string {
  const head = headOf(state);
  return `${head}|${mac(head, query, key)}`;
}

/**
 * The state behind a custom_id, given the query read from its message; undefined for anything not made by
 * `encodeCustomId` with this key for this query.
 */
export function decodeCustomId(id: string, query: string, key: string): ButtonState | undefined {
  if (typeof id !== 'string' || id.length > MAX_CUSTOM_ID) return undefined;
  const parts = id.split('|');
  if (parts.length !== 6 || parts[0] !== VERSION) return undefined;
  const [, codes, pageText, owner, itemText, signature] = parts as [string, string, string, string, string, string];
  const action = ACTIONS[codes[0] as keyof typeof ACTIONS];
  const command = COMMANDS.find((c) => COMMAND_CODES[c] === codes.slice(1));
  if (!action || !command || !/^[1-9]\d{0,5}$/.test(pageText) || !/^\d{1,20}$/.test(owner) || !/^(?:\d)?$/.test(itemText)) return undefined;
  const state: ButtonState = { action, command, page: Number(pageText), owner };
  if (itemText !== '') state.item = Number(itemText);
  const expected = Buffer.from(mac(headOf(state), query, key));
  const given = Buffer.from(signature);
  // The head is rebuilt from the parsed state, so only the canonical spelling of an id can match.
  if (headOf(state) !== parts.slice(0, 5).join('|')) return undefined;
  return given.length === expected.length && timingSafeEqual(given, expected) ? state : undefined;
}
