/**
 * `npm run eval -- questions.jsonl [--corpus DIR]`: answer quality per command kind — hit@1, hit@5, answer@1
 * (ask only) and MRR — then every miss. The gold format is described in ../shared/README.md.
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { openEngine } from '../engine/open.ts';
import type { ResultPage } from '../page.ts';
import type { CommandContext } from '../results.ts';
import { stripPinyinAnnotations, toSimplified } from '../text/normalize.ts';
import { errnoCode, plainFsReason } from '../util/fs-errors.ts';
import { readArgs, UsageError } from './args.ts';
import { runCommand } from './run.ts';

const goldLine = z.object({
  id: z.string(),
  /** What kind of question it is (english, paraphrase, pinyin …): figures are also given per kind. */
  kind: z.string().optional(),
  command: z.enum(['ask', 'zone', 'measure', 'stats', 'source']),
  query: z.string(),
  gold: z.array(z.object({ file: z.string(), contains: z.string() })).default([]),
  all: z.boolean().optional(),
  facts: z.array(z.string()).optional(),
});
export type GoldQuestion = z.output<typeof goldLine>;

export interface QuestionScore {
  id: string;
  command: string;
  kind?: string;
  query: string;
  /** Rank (1-based) of the first hit matching any gold entry, within the first ten; 0 when none. */
  rank: number;
  answered: boolean;
  passed: boolean;
  why?: string;
}

const RANK_DEPTH = 10;
const FIRST_PAGE = 5;

/**
 * The gold rule: the corpus file's name starts with `file` and the text contains `contains`, both compared in
 * Simplified without pinyin annotations, so gold copied from a Traditional page (`融通科技產(chǎn)業(yè)`) can match.
 */
export function goldMatches(file: string, text: string, gold: { file: string; contains: string }): boolean {
  return file.startsWith(gold.file) && goldForm(text).includes(goldForm(gold.contains));
}

function goldForm(text: string): string {
  return toSimplified(stripPinyinAnnotations(text));
}

/** A hit holds the gold in its passage, or in the heading it gives as its answer. */
function matches(hit: ResultPage['hits'][number], gold: GoldQuestion['gold'][number]): boolean {
  return goldMatches(hit.file, hit.text, gold) || (hit.heading === true && goldMatches(hit.file, hit.answer, gold));
}

export function scoreQuestion(context: CommandContext, q: GoldQuestion): QuestionScore {
  const deep = runCommand({ ...context, pageSize: RANK_DEPTH }, q.command, q.query);
  const first = runCommand({ ...context, pageSize: FIRST_PAGE }, q.command, q.query);
  const base = { id: q.id, command: q.command, query: q.query, ...(q.kind ? { kind: q.kind } : {}) };
  if (q.command === 'stats' && !q.facts?.length) {
    // Gold as a passage: the facts' sentences, ranked as hits are.
    const rankIndex = (deep.facts ?? []).findIndex((f) => q.gold.some((g) => goldMatches(f.citation, f.text, g)));
    const rank = rankIndex + 1;
    const passed = rank >= 1 && rank <= FIRST_PAGE;
    return { ...base, rank, answered: passed, passed, ...(passed ? {} : { why: `top: ${(first.facts ?? []).slice(0, 3).map((f) => f.citation).join(', ') || first.notice?.code || 'nothing'}` }) };
  }
  if (q.command === 'stats') {
    const values = new Set((first.facts ?? []).map((f) => f.value));
    const missing = (q.facts ?? []).filter((v) => !values.has(v));
    const passed = missing.length === 0 && (q.facts ?? []).length > 0;
    return { ...base, rank: passed ? 1 : 0, answered: passed, passed, ...(passed ? {} : { why: `missing ${missing.join(', ')}; got ${[...values].join(', ')}` }) };
  }
  const rankIndex = deep.hits.findIndex((h) => q.gold.some((g) => matches(h, g)));
  const rank = rankIndex + 1;
  const top = first.hits[0];
  const answered = top !== undefined && q.gold.some((g) => goldMatches(top.file, top.answer, g));
  const passed = q.all
    ? q.gold.every((g) => first.hits.some((h) => matches(h, g)))
    : rank >= 1 && rank <= FIRST_PAGE;
  const why = passed
    ? undefined
    : `${q.all ? 'not every gold entry on page 1; ' : ''}top: ${first.hits.slice(0, 3).map((h) => h.citation).join(', ') || first.notice?.code || 'nothing'}`;
  return { ...base, rank: rank > 0 ? rank : 0, answered, passed, ...(why ? { why } : {}) };
}

export interface KindSummary {
  command: string;
  questions: number;
  hit1: number;
  hit5: number;
  answer1: number;
  mrr: number;
  passed: number;
}

/** Figures per command, or per any other grouping of the questions (their kind). */
export function summarize(scores: QuestionScore[], groupOf: (s: QuestionScore) => string = (s) => s.command): KindSummary[] {
  const kinds = [...new Set(scores.map(groupOf))];
  return kinds.map((command) => {
    const own = scores.filter((s) => groupOf(s) === command);
    const share = (f: (s: QuestionScore) => boolean) => Math.round((own.filter(f).length / own.length) * 100) / 100;
    return {
      command,
      questions: own.length,
      hit1: share((s) => s.rank === 1),
      hit5: share((s) => s.rank >= 1 && s.rank <= 5),
      answer1: share((s) => s.answered),
      mrr: Math.round((own.reduce((sum, s) => sum + (s.rank ? 1 / s.rank : 0), 0) / own.length) * 1000) / 1000,
      passed: own.filter((s) => s.passed).length,
    };
  });
}

const GOLD_SHAPE = '{"id","command":"ask|zone|measure|stats|source","query","gold":[{"file","contains"}]}';

/** Reads a questions file; a missing file or a bad line is a UsageError naming the file (and the line). */
export async function readGold(file: string): Promise<GoldQuestion[]> {
  const text = await readFile(file, 'utf8').catch((err: unknown) => {
    throw new UsageError(errnoCode(err) === 'ENOENT' ? `question file not found: ${file}` : `cannot read the question file ${file}: ${plainFsReason(err)}`);
  });
  const lines = text.split('\n').map((l, i) => ({ l, n: i + 1 })).filter(({ l }) => l.trim());
  return lines.map(({ l, n }) => {
    let raw: unknown;
    try {
      raw = JSON.parse(l);
    } catch {
      throw new UsageError(`${file}:${n}: not JSON; each line is ${GOLD_SHAPE}`);
    }
    const parsed = goldLine.safeParse(raw);
    if (!parsed.success) {
      const fields = [...new Set(parsed.error.issues.map((i) => i.path.join('.') || 'the line'))].join(', ');
      throw new UsageError(`${file}:${n}: ${fields} missing or invalid; each line is ${GOLD_SHAPE}`);
    }
    return parsed.data;
  });
}

function printTable(heading: string, rows: KindSummary[], hasAnswers: (s: KindSummary) => boolean): void {
  console.log(`${heading.padEnd(11)} n   hit@1  hit@5  answer@1  MRR    passed`);
  for (const s of rows) {
    const answer = hasAnswers(s) ? s.answer1.toFixed(2) : '  - ';
    console.log(`${s.command.padEnd(11)} ${String(s.questions).padEnd(3)} ${s.hit1.toFixed(2)}   ${s.hit5.toFixed(2)}   ${answer}      ${s.mrr.toFixed(3)}  ${s.passed}/${s.questions}`);
  }
}

async function main(): Promise<void> {
  const { values, positionals } = readArgs(process.argv.slice(2), { corpus: { type: 'string' } });
  const file = positionals[0] ?? '../shared/eval/questions.jsonl';
  const questions = await readGold(file);
  const { engine, stats } = await openEngine({ ...(values.corpus ? { corpusDir: values.corpus } : {}) });
  const scores = questions.map((q) => scoreQuestion({ engine, stats }, q));
  console.log(`${file}: ${scores.length} questions`);
  printTable('command', summarize(scores), (s) => s.command === 'ask');
  if (scores.some((s) => s.kind)) {
    console.log('');
    const asks = (kind: string) => scores.some((s) => (s.kind ?? '-') === kind && s.command === 'ask');
    printTable('kind', summarize(scores, (s) => s.kind ?? '-'), (s) => asks(s.command));
  }
  const misses = scores.filter((s) => !s.passed || (s.command === 'ask' && (!s.answered || s.rank !== 1)));
  if (misses.length) console.log('\nmisses:');
  for (const m of misses) {
    console.log(`  ${m.id} ${m.command} ${m.query} — rank ${m.rank || '-'}${m.command === 'ask' ? `, answer ${m.answered ? 'ok' : 'missed'}` : ''}${m.why ? `; ${m.why}` : ''}`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await main().catch((err: unknown) => {
    console.error(`eval: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = err instanceof UsageError ? 2 : 1;
  });
}
