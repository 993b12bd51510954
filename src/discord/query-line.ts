/**
 * The question a result answers, written as the last line of the embed's footer — `/ask 请问…`, the command as it
 * was run — and read back from a clicked message. The footer is plain text to Discord (no markdown, no escaping)
 * and holds 2,048 characters, so every query the options accept comes back exactly as it was written.
 */
import type { APIEmbed } from 'discord.js';

export function queryLine(command: string, query: string): string {
  return query ? `/${command} ${query}` : `/${command}`;
}

/** The footer: the page line (if any) above the query line. */
export function footerText(pageLine: string | undefined, command: string, query: string): string {
  return [pageLine, queryLine(command, query)].filter((line) => line !== undefined).join('\n');
}

/** The command and query of a footer written by `footerText` with a page line; undefined for any other text. */
export function readQueryLine(embed: Pick<APIEmbed, 'footer'> | undefined): { command: string; query: string } | undefined {
  const text = embed?.footer?.text;
  const at = text?.indexOf('\n') ?? -1;
  if (!text || at < 0) return undefined;
  const line = /^\/([a-z]+)(?: ([^]*))?$/u.exec(text.slice(at + 1));
  return line ? { command: line[1]!, query: line[2] ?? '' } : undefined;
}
