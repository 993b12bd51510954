/**
 * The console: the embedded default when no Discord token is set. `/zone 济北`, `/ask …` or plain text (a
 * question), `n` / `p` for the next and previous page, `/reload`, `/help`, `/quit`. The corpus folder is watched
 * as the bot watches it; a line says when a rebuild is done.
 */
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { ConsoleFollows } from '../follow/console.ts';
import { isFollowCommand, type FollowCommand } from '../follow/commands.ts';
import type { ResultPage } from '../page.ts';
import { renderTerminal } from '../render/terminal.ts';
import type { CommandContext } from '../results.ts';
import type { ConsoleLiveLog } from './live-log.ts';
import { CONSOLE_HELP, messagesFor } from './messages.ts';
import { COMMAND_NAMES, helpPage, isCommandName, runCommand } from './run.ts';

/** What the console answers from: the engine in service now, and a way to rebuild it (the live engine). */
export interface ConsoleEngine {
  context(): CommandContext;
  rebuild(reason: string): Promise<unknown>;
  readonly corpusDir: string;
}

export interface ConsoleOptions {
  locale?: string | undefined;
  input?: Readable;
  output?: Writable & { isTTY?: boolean };
  /** The live engine's log, to tell rebuilds through this console. */
  liveLog?: ConsoleLiveLog;
  /** `/follow`, `/unfollow`, `/following`, and what is new about them after a rebuild. */
  follows?: ConsoleFollows;
}

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

export async function startConsole(engine: ConsoleEngine, options: ConsoleOptions = {}): Promise<number> {
  const input = options.input ?? process.stdin;
  const output = options.output ?? process.stdout;
  const tty = output.isTTY === true;
  const color = tty && !process.env.NO_COLOR;
  const M = messagesFor(options.locale);
  const rl = createInterface({ input, output, terminal: tty });
  const say = (line: string) => output.write(line + '\n');
  const show = (page: ResultPage) => output.write(renderTerminal(page, { color, locale: options.locale }) + '\n\n');
  /** The last answer, which n and p page through. */
  let last: { command: string; text: string; page: ResultPage } | undefined;

  /** A rebuild ends while someone may be typing: what it tells goes above the prompt, their input stays. */
  const aboveThePrompt = (write: () => void) => {
    if (tty) output.write('\r\u001b[K');
    write();
    if (tty) rl.prompt(true);
  };
  options.liveLog?.attach((line) => aboveThePrompt(() => say(line)));
  options.follows?.attach((heading, page) => aboveThePrompt(() => (say(heading), show(page))));
  say(M.greeting([...COMMAND_NAMES, 'help']));
  say(M.watching(engine.corpusDir));
  rl.setPrompt('zonebot> ');
  rl.prompt();
  for await (const line of rl) {
    const parsed = parseConsoleLine(line);
    if (parsed && 'quit' in parsed) break;
    try {
      if (parsed && 'turn' in parsed) {
        const wanted = last ? last.page.page + parsed.turn : 0;
        if (!last) say(M.askFirst);
        else if (wanted > last.page.pages) say(M.lastPage);
        else if (wanted < 1) say(M.firstPage);
        else {
          last = { ...last, page: runCommand(engine.context(), last.command, last.text, wanted) };
          show(last.page);
        }
      } else if (parsed?.command.toLowerCase() === 'help') {
        const help = helpPage();
        show({ ...help, details: [...(help.details ?? []), ...CONSOLE_HELP] });
      } else if (parsed?.command.toLowerCase() === 'reload') {
        say(M.reloading);
        // The live engine tells how it ended through its log; a rebuild that cannot even start is told here.
        engine.rebuild('/reload').catch((err: unknown) => say(M.rebuildFailed(err instanceof Error ? err.message : String(err))));
      } else if (parsed && options.follows && isFollowCommand(parsed.command.toLowerCase())) {
        say(options.follows.run(parsed.command.toLowerCase() as FollowCommand, parsed.text, engine.context().engine));
      } else if (parsed && !isCommandName(parsed.command)) {
        say(M.unknownCommand(parsed.command));
      } else if (parsed) {
        const page = runCommand(engine.context(), parsed.command, parsed.text);
        last = { ...parsed, page };
        show(page);
      }
    } catch (err) {
      // A bug must not end the session of someone typing questions.
      say(`error: ${err instanceof Error ? err.message : String(err)}`);
    }
    rl.prompt();
  }
  rl.close();
  return 0;
}
