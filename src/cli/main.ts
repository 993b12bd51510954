/**
 * zonebot's entry point. With no command: the console over the corpus, or the Discord bot when a token is
 * configured. With a command: answer it once (`zonebot ask 钢城签约了几个项目 --json`), or many (`batch`).
 */
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config.ts';
import { skippedSummary } from '../corpus/read.ts';
import { openEngine } from '../engine/open.ts';
import { progressReporter } from '../engine/progress.ts';
import { renderTerminal } from '../render/terminal.ts';
import type { CommandContext } from '../results.ts';
import { runBatch } from './batch.ts';
import { startConsole } from './console.ts';
import { runCommand } from './run.ts';

const USAGE = `usage: zonebot [<command> [text]] [--page N] [--corpus DIR] [--json] [--no-snapshot]
       zonebot batch --json < questions.jsonl
commands: ask, zone, measure, stats, source, help; no command opens the console (or Discord with DISCORD_TOKEN)`;

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      page: { type: 'string' },
      corpus: { type: 'string' },
      json: { type: 'boolean', default: false },
      'no-snapshot': { type: 'boolean', default: false },
      locale: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const config = loadConfig();
  const page = values.page === undefined ? 1 : Number(values.page);
  if (!Number.isInteger(page) || page < 1) {
    console.error(`--page must be a positive integer, not ${JSON.stringify(values.page)}`);
    return 2;
  }
  const [command, ...words] = positionals;

  if (!command && config.DISCORD_TOKEN) {
    const { startDiscord } = await import('../discord/bot.ts');
    return startDiscord(config, values.corpus);
  }

  const opened = await openEngine({
    corpusDir: values.corpus ?? config.CORPUS_DIR,
    ...(config.CACHE_DIR ? { cacheDir: config.CACHE_DIR } : {}),
    ...(config.MAX_FILE_BYTES ? { maxBytes: config.MAX_FILE_BYTES } : {}),
    snapshot: !values['no-snapshot'],
    onSkip: (s) => console.error(`warning: skipped ${s.name}: ${s.reason}`),
    onProgress: progressReporter(),
  });
  const skipped = skippedSummary(opened.engine.corpus.skipped);
  if (skipped.text) console.error(`warning: ${skipped.text}`);
  const context: CommandContext = { engine: opened.engine, stats: opened.stats, ...(config.PAGE_SIZE ? { pageSize: config.PAGE_SIZE } : {}) };
  const locale = values.locale ?? process.env.LANG;

  if (!command) return startConsole(context, { locale });
  if (command === 'batch') return runBatch(context, process.stdin, process.stdout);
  const result = runCommand(context, command, words.join(' '), page);
  console.log(values.json ? JSON.stringify(result) : renderTerminal(result, { color: process.stdout.isTTY === true, locale }));
  return result.notice && result.total === 0 && result.command !== 'help' ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    console.error(err instanceof ConfigError ? err.message : `zonebot: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 1;
  },
);
