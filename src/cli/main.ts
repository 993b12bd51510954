/**
 * zonebot's entry point. With no command: the console over the corpus, or the Discord bot when a token is
 * configured. With a command: answer it once (`zonebot ask 钢城签约了几个项目 --json`), or many (`batch`).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { commands } from '../../commands/index.ts';
import { ConfigError, loadConfig, type Config } from '../config.ts';
import { skippedSummary } from '../corpus/read.ts';
import { LiveEngine } from '../engine/live.ts';
import { DEFAULT_CORPUS_DIR, openEngine, PROJECT_ROOT, type OpenOptions } from '../engine/open.ts';
import { progressReporter } from '../engine/progress.ts';
import { ConsoleFollows } from '../follow/console.ts';
import { jsonLogger } from '../log.ts';
import { renderTerminal } from '../render/terminal.ts';
import { MAX_QUERY_LENGTH, type CommandContext } from '../results.ts';
import { addUrls, fetchLimits, outcomeLine } from '../web/add.ts';
import { DEFAULT_DATA_DIR, pollFeedsWhile } from '../web/feed-poller.ts';
import { readArgs, UsageError } from './args.ts';
import { runBatch } from './batch.ts';
import { startConsole } from './console.ts';
import { ConsoleLiveLog } from './live-log.ts';
import { LOCALES, localeOf, messagesFor } from './messages.ts';
import { COMMAND_NAMES, isCommandName, runCommand } from './run.ts';

const OPTIONS = {
  page: { type: 'string' },
  corpus: { type: 'string' },
  json: { type: 'boolean', default: false },
  'no-snapshot': { type: 'boolean', default: false },
  locale: { type: 'string' },
  version: { type: 'boolean', short: 'v', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

const COMMAND_LIST = [...COMMAND_NAMES, 'add', 'batch', 'help'];

function usage(): string {
  const column = (left: string, right: string) => `  ${left.padEnd(22)}${right}`;
  return [
    'usage: zonebot [<command> [text]] [options]',
    '       zonebot batch < questions.jsonl',
    '       zonebot add URL… [--corpus DIR]',
    '',
    'commands:',
    ...commands.map((c) => column(`${c.definition.name}${c.definition.textOption ? ` <${c.definition.textOption}>` : ''}`, c.definition.description['en-US'])),
    column('add URL…', 'fetch web pages (or a feed\'s items) into the corpus folder, under web/<host>/'),
    column('batch', 'one JSON request a line on stdin ({"id","command","query","page"}), one result page a line out'),
    column('help', 'the list of commands'),
    column('(none)', 'the console over the corpus, or the Discord bot when DISCORD_TOKEN is set'),
    '',
    'options:',
    column('--page N', 'page N of the answer (default 1)'),
    column('--corpus DIR', 'read another corpus folder (default: CORPUS_DIR, or seeds/)'),
    column('--json', 'print the result page as JSON'),
    column('--no-snapshot', 'build the index afresh instead of loading its snapshot from CACHE_DIR'),
    column('--locale zh|en', `labels and messages in Chinese (default) or English; takes ${LOCALES.join(', ')}`),
    column('--version, -v', 'print the version'),
    column('--help, -h', 'print this help'),
    '',
    `A question, name or citation may be up to ${MAX_QUERY_LENGTH} characters.`,
    'Exit codes: 0 answered, 1 nothing found or a setting is wrong, 2 a mistake in the command line.',
  ].join('\n');
}

function version(): string {
  return (JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
}

function checkedLocale(value: string): string {
  if (!localeOf(value)) throw new UsageError(`--locale takes ${LOCALES.join(', ')} (or another region of zh or en), not ${JSON.stringify(value)}`);
  return value;
}

/** Where the corpus and its snapshots are, from the options and the settings. */
function openOptions(config: Config, corpus: string | undefined, noSnapshot: boolean): Omit<OpenOptions, 'onSkip' | 'onProgress'> {
  const corpusDir = corpus ?? config.CORPUS_DIR;
  return {
    ...(corpusDir ? { corpusDir } : {}),
    ...(config.CACHE_DIR ? { cacheDir: config.CACHE_DIR } : {}),
    ...(config.MAX_FILE_BYTES ? { maxBytes: config.MAX_FILE_BYTES } : {}),
    snapshot: !noSnapshot,
  };
}

/** The console over a live engine: the folder watched as the bot watches it, `/reload` on demand, FEEDS polled. */
async function runConsole(config: Config, open: Omit<OpenOptions, 'onSkip' | 'onProgress'>, locale: string | undefined): Promise<number> {
  const log = new ConsoleLiveLog(messagesFor(locale));
  const live = await LiveEngine.open({ ...open, ...(config.PAGE_SIZE ? { pageSize: config.PAGE_SIZE } : {}), log });
  live.watch();
  const follows = new ConsoleFollows(path.resolve(config.DATA_DIR ?? DEFAULT_DATA_DIR), locale, live, log);
  try {
    // Only the feeds' troubles are worth a line at the console: what they add shows as the watcher's rebuild.
    return await pollFeedsWhile(startConsole(live, { locale, liveLog: log, follows }), config, open.corpusDir, jsonLogger(undefined, 'warn'));
  } finally {
    await live.close();
    follows.close();
  }
}

/** `zonebot add URL…`: one line per URL (and per feed item); 0 when all are in the corpus, 1 when any failed. */
async function runAdd(config: Config, urls: string[], corpus: string | undefined): Promise<number> {
  if (urls.length === 0) throw new UsageError('add needs at least one URL: zonebot add https://example.com/news/1.html');
  const corpusDir = path.resolve(corpus ?? config.CORPUS_DIR ?? DEFAULT_CORPUS_DIR);
  if (!existsSync(corpusDir) || !statSync(corpusDir).isDirectory()) throw new Error(`corpus folder not found: ${corpusDir}`);
  const outcomes = await addUrls(urls, { corpusDir, limits: fetchLimits(config) }, (outcome) => console.log(outcomeLine(outcome)));
  return outcomes.some((o) => o.status === 'failed') ? 1 : 0;
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = readArgs(argv, OPTIONS);
  if (values.help) {
    console.log(usage());
    return 0;
  }
  if (values.version) {
    console.log(`zonebot ${version()}`);
    return 0;
  }
  const locale = values.locale === undefined ? process.env.LANG : checkedLocale(values.locale);
  const page = values.page === undefined ? 1 : Number(values.page);
  if (!Number.isInteger(page) || page < 1) throw new UsageError(`--page takes a whole number from 1, not ${JSON.stringify(values.page)}`);
  const [command, ...words] = positionals;
  if (command !== undefined && command !== 'batch' && command !== 'add' && !isCommandName(command)) {
    throw new UsageError(`unknown command "${command}"; the commands are ${COMMAND_LIST.join(', ')}`);
  }
  const config = loadConfig();

  if (command === 'add') return runAdd(config, words, values.corpus);

  if (!command && config.DISCORD_TOKEN) {
    const { startDiscord } = await import('../discord/bot.ts');
    return startDiscord(config, values.corpus);
  }
  const open = openOptions(config, values.corpus, values['no-snapshot']);
  if (!command) return runConsole(config, open, locale);

  const opened = await openEngine({
    ...open,
    onSkip: (s) => console.error(`warning: skipped ${s.name}: ${s.reason}`),
    onProgress: progressReporter(),
  });
  const skipped = skippedSummary(opened.engine.corpus.skipped);
  if (skipped.text) console.error(`warning: ${skipped.text}`);
  const context: CommandContext = { engine: opened.engine, stats: opened.stats, ...(config.PAGE_SIZE ? { pageSize: config.PAGE_SIZE } : {}) };
  if (command === 'batch') return runBatch(context, process.stdin, process.stdout);
  const result = runCommand(context, command, words.join(' '), page);
  // The command clamps the page to the last one; asked for a page past it, say so rather than show another.
  if (result.total > 0 && result.page < page) {
    throw new UsageError(`there is no page ${page}: this answer has ${result.pages} page${result.pages === 1 ? '' : 's'} (--page 1 to ${result.pages})`);
  }
  console.log(values.json ? JSON.stringify(result) : renderTerminal(result, { color: process.stdout.isTTY === true, locale }));
  return result.notice && result.total === 0 && result.command !== 'help' ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    if (err instanceof UsageError) {
      console.error(`zonebot: ${err.message}\nzonebot --help lists the commands and options.`);
      process.exitCode = 2;
      return;
    }
    console.error(err instanceof ConfigError ? err.message : `zonebot: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 1;
  },
);
