/**
 * Batch mode: one JSON request a line in, one result page a line out, in one process. A bad line gets an error
 * line with its id (when it has one) and the batch goes on.
 */
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { z } from 'zod';
import type { CommandContext } from '../results.ts';
import { COMMAND_NAMES, isCommandName, runCommand } from './run.ts';

const PAGE = 'page must be a whole number from 1';
/** Every message here is the batch's own: zod's wording is not for the people reading the error lines. */
const request = z.object(
  {
    id: z.union([z.string(), z.number()], { error: 'id must be a string or a number' }).optional(),
    command: z.string({ error: 'command is missing: give one of ' + [...COMMAND_NAMES, 'help'].join(', ') }).min(1, { error: 'command is empty' }),
    query: z.string({ error: 'query must be a string' }).default(''),
    page: z.coerce.number({ error: PAGE }).int({ error: PAGE }).min(1, { error: PAGE }).default(1),
  },
  { error: 'a request is a JSON object such as {"id":1,"command":"ask","query":"…"}' },
);

export function answerLine(context: CommandContext, line: string): string {
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch {
    return JSON.stringify({ error: 'not JSON', line: line.slice(0, 200) });
  }
  const parsed = request.safeParse(raw);
  const id = typeof raw === 'object' && raw !== null && 'id' in raw ? (raw as { id: unknown }).id : undefined;
  if (!parsed.success) {
    return JSON.stringify({ id, error: parsed.error.issues.map((i) => i.message).join('; ') });
  }
  const { command, query, page } = parsed.data;
  if (!isCommandName(command)) return JSON.stringify({ id, error: `unknown command: ${command} (one of ${[...COMMAND_NAMES, 'help'].join(', ')})` });
  return JSON.stringify({ id, ...runCommand(context, command, query, page) });
}

export async function runBatch(context: CommandContext, input: Readable, output: Writable): Promise<number> {
  const lines = createInterface({ input, crlfDelay: Infinity });
  for await (const line of lines) {
    if (!line.trim()) continue;
    let answer: string;
    try {
      answer = answerLine(context, line);
    } catch (err) {
      answer = JSON.stringify({ error: `internal error: ${err instanceof Error ? err.message : String(err)}` });
    }
    if (!output.write(answer + '\n')) await new Promise((resolve) => output.once('drain', resolve));
  }
  return 0;
}
