/**
 * The console: the embedded default when no Discord token is set. `/zone 济北`, `/ask …` or plain text (a
 * question), `n` / `p` for the next and previous page, `/help`, `/quit`.
 */
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { ResultPage } from '../page.ts';
import { renderTerminal } from '../render/terminal.ts';
import type { CommandContext } from '../results.ts';
import { helpPage, runCommand } from './run.ts';

export interface ConsoleOptions {
  locale?: string | undefined;
  input?: Readable;
  output?: Writable & { isTTY?: boolean };
}

const GREETING = '输入问题或命令（/ask /zone /measure /stats /source /help），n/p 翻页，/quit 退出。';

/** What one typed line means: a command with its text, a page turn, or leaving. */
export function parseConsoleLine(line: string): { command: string; text: string } | { turn: 1 | -1 } | { quit: true } | undefined {
  const trimmed = line.trim();
  if (!trimmed) return undefined;
  if (/^(n|next|下一页)$/iu.test(trimmed)) return { turn: 1 };
  if (/^(p|prev|上一页)$/iu.test(trimmed)) return { turn: -1 };
  if (/^\/?(quit|exit|q)$/iu.test(trimmed)) return { quit: true };
  const m = /^\/(\S+)\s*([\s\S]*)$/u.exec(trimmed);
  if (m) return { command: m[1]!, text: m[2]! };
  return { command: 'ask', text: trimmed };
}

export async function startConsole(context: CommandContext, options: ConsoleOptions = {}): Promise<number> {
  const input = options.input ?? process.stdin;
  const output = options.output ?? process.stdout;
  const color = output.isTTY === true && !process.env.NO_COLOR;
  const rl = createInterface({ input, output, terminal: output.isTTY === true });
  const show = (page: ResultPage) => output.write(renderTerminal(page, { color, locale: options.locale }) + '\n\n');
  let last: { command: string; text: string; page: ResultPage } | undefined;

  output.write(GREETING + '\n');
  rl.setPrompt('zonebot> ');
  rl.prompt();
  for await (const line of rl) {
    const parsed = parseConsoleLine(line);
    if (parsed && 'quit' in parsed) break;
    try {
      if (parsed && 'turn' in parsed) {
        if (!last) show(helpPage());
        else {
          const page = runCommand(context, last.command, last.text, last.page.page + parsed.turn);
          last = { ...last, page };
          show(page);
        }
      } else if (parsed) {
        const page = parsed.command === 'help' ? helpPage() : runCommand(context, parsed.command, parsed.text);
        last = { ...parsed, page };
        show(page);
      }
    } catch (err) {
      // A bug must not end the session of someone typing questions.
      output.write(`error: ${err instanceof Error ? err.message : String(err)}\n`);
    }
    rl.prompt();
  }
  rl.close();
  return 0;
}
