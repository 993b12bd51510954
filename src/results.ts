/**
 * Building blocks of result pages shared by the command handlers: paging, hits from paragraphs, notices.
 */
import { z } from 'zod';
import type { Corpus } from './corpus/types.ts';
import type { Figure } from './extract/knowledge.ts';
import type { Fact, Hit, Notice, ResultPage } from './page.ts';
import type { SearchEngine } from './search/engine.ts';
import { RELATED_HEADLINES } from './corpus/structure.ts';

export const DEFAULT_PAGE_SIZE = 5;
/** The longest free text a command accepts: Discord's own limit for our string options. */
export const MAX_QUERY_LENGTH = 300;

export interface CommandContext {
  engine: SearchEngine;
  /** How the engine was opened, for `/stats` without options. */
  stats?: { buildMs: number; fromSnapshot: boolean; snapshotBytes: number };
  pageSize?: number;
}

export const pageOption = z.coerce.number().int().min(1).max(10_000).default(1);

export interface Paged<T> {
  page: number;
  pages: number;
  total: number;
  items: T[];
}

/**
 * One page of `items`; the page number is clamped to the pages that exist. `total` is given when `items` holds
 * only the best hits up to the asked page, not all of them.
 */
export function paginate<T>(items: T[], page: number, pageSize: number, total = items.length): Paged<T> {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const current = Math.min(Math.max(1, Math.floor(page)), pages);
  return { page: current, pages, total, items: items.slice((current - 1) * pageSize, current * pageSize) };
}

/**
 * Paragraphs in their given order, but the first of each article before any second one, so that a first page
 * shows every article that speaks of a zone or measure. Only as many as `needed` (the asked page's end) are
 * ordered: a name may be in tens of thousands of paragraphs.
 */
export function onePerArticleFirst(corpus: Corpus, ranked: Iterable<number>, needed: number): number[] {
  const seenArticles = new Set<number>();
  const firsts: number[] = [];
  const rest: number[] = [];
  for (const i of ranked) {
    const article = corpus.paragraphs[i]!.article;
    if (seenArticles.has(article)) rest.push(i);
    else {
      seenArticles.add(article);
      firsts.push(i);
      if (firsts.length >= needed) break;
    }
  }
  return firsts.length >= needed ? firsts : [...firsts, ...rest];
}

/** A result page for one page of items; `rest` holds the page's hits and whatever else it shows. */
export function pageOf<T>(
  command: ResultPage['command'],
  query: string,
  paged: Paged<T>,
  pageSize: number,
  rest: Partial<ResultPage> & Pick<ResultPage, 'hits'>,
): ResultPage {
  return { command, query, page: paged.page, pages: paged.pages, total: paged.total, pageSize, ...rest };
}

/** A cited hit for paragraph `index`, with the sentence that answers `query` and its marked terms. */
export function hitFor(engine: SearchEngine, index: number, query: string, score: number): Hit {
  const p = engine.corpus.paragraphs[index]!;
  const article = engine.corpus.articles[p.article]!;
  const { sentence, marks, heading } = engine.answer(index, query);
  const hit: Hit = {
    citation: p.citation,
    file: p.file,
    paragraph: p.number,
    title: article.title,
    zones: engine.knowledge.paragraphZones[index] ?? [],
    text: p.display,
    answer: sentence.display,
    answerMarks: marks,
    score: Math.round(score * 1000) / 1000,
  };
  if (article.date) hit.date = article.date;
  if (article.source) hit.source = article.source;
  if (p.section === RELATED_HEADLINES) hit.relatedHeadline = true;
  if (heading) hit.heading = true;
  return hit;
}

export function emptyPage(command: ResultPage['command'], query: string, notice: Notice, pageSize = DEFAULT_PAGE_SIZE): ResultPage {
  return { command, query, page: 1, pages: 1, total: 0, pageSize, hits: [], notice };
}

/** Turns a zod failure into the notice the user sees: what was wrong with which option. */
export function invalidOptions(command: ResultPage['command'], query: string, error: z.ZodError): ResultPage {
  const tooLong = error.issues.some((i) => i.code === 'too_big' && i.origin === 'string');
  const empty = error.issues.some((i) => i.code === 'too_small' && i.origin === 'string');
  const detail = error.issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`).join('; ');
  const code = tooLong ? 'too-long' : empty ? 'empty-query' : 'invalid-option';
  return emptyPage(command, query.slice(0, MAX_QUERY_LENGTH), { code, detail });
}

/** Free text as users type it: trimmed, never empty, bounded. */
export const queryText = z.string().trim().min(1).max(MAX_QUERY_LENGTH);

/** A figure as shown: every field present, null where the text does not say. */
export function factOf(figure: Figure): Fact {
  return {
    zone: figure.zone ?? null,
    metric: figure.metric,
    value: figure.value,
    unit: figure.unit,
    written: figure.written ?? figure.value + figure.unit,
    period: figure.period ?? null,
    text: figure.text,
    citation: figure.citation,
  };
}
