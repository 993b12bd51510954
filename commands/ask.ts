/** `/ask question:` — the passages that answer a free-text question best, answer sentence first. */
import { z } from 'zod';
import type { CommandModule } from '../src/command.ts';
import type { Hit, Notice } from '../src/page.ts';
import type { SearchEngine, SearchHit } from '../src/search/engine.ts';
import { sentencesOf } from '../src/corpus/sentences.ts';
import { citesOutlet } from '../src/corpus/metadata.ts';
import { askedCredit, creditLines, type CreditRole } from '../src/search/asked-credit.ts';
import { scopeOf, searchFirstAbout } from '../src/search/scope.ts';
import { glossesFor, readUserQuestion } from '../src/lang/question.ts';
import { DEFAULT_PAGE_SIZE, MAX_QUERY_LENGTH, emptyPage, hitFor, pageOf, pageOption, paginate, queryText } from '../src/results.ts';

const schema = z.object({ question: queryText, page: pageOption });

/** How many of the best hits are reordered by how well their best sentence answers. */
const RERANKED = 20;
/** Against the index score of the best hit (1): the answer counts half as much (0.3 to 1 give the same ranks on
 * the question sets). */
const ANSWER_WEIGHT = 0.5;

/**
 * The best hits reordered within their group (the named zone's, then the others) by their index score plus how
 * well their best sentence answers the question: a paragraph that says it in one sentence before one that
 * repeats the question's words across several.
 */
function rerankByAnswer(engine: SearchEngine, query: string, hits: SearchHit[], zones: string[]): SearchHit[] {
  const head = hits.slice(0, RERANKED);
  if (head.length < 2) return hits;
  const about = new Set(zones.flatMap((zone) => engine.zoneParagraphs(zone)));
  const top = Math.max(...head.map((h) => h.score)) || 1;
  const answers = head.map((h) => engine.answer(h.index, query).score);
  const best = Math.max(...answers) || 1;
  const ranked = head
    .map((h, i) => ({ h, group: zones.length && !about.has(h.index) ? 1 : 0, value: h.score / top + ANSWER_WEIGHT * (answers[i]! / best) }))
    .sort((a, b) => a.group - b.group || b.value - a.value)
    .map((r) => r.h);
  return [...ranked, ...hits.slice(RERANKED)];
}

/**
 * For a question of who wrote or edited an article, or which outlet ran it: the credit of the article the best
 * passage is from — its credit lines (or its outlet), cited by the article's first passage, or the passage of its
 * text that names its writer (`开发区讯(王小涵)`). Undefined where the article credits nobody in that role.
 */
function creditHit(engine: SearchEngine, best: SearchHit, role: CreditRole, question: string, query: string): Hit | undefined {
  const { paragraphs, articles } = engine.corpus;
  const article = articles[paragraphs[best.index]!.article]!;
  const lines = creditLines(article, role, question);
  if (lines.length) {
    const first = engine.paragraphIndex(article.paragraphs[0]!)!;
    // One line: a renderer indents a passage's first line only.
    const text = lines.join(' ');
    return { ...hitFor(engine, first, query, best.score), text, answer: lines[0]!, answerMarks: [], credit: true };
  }
  if (role !== 'author' || !article.author) return undefined;
  const byline = article.paragraphs.map((c) => engine.paragraphIndex(c)!).find((i) => paragraphs[i]!.display.includes(article.author!));
  if (byline === undefined) return undefined;
  const hit = hitFor(engine, byline, query, best.score);
  const sentence = sentencesOf(paragraphs[byline]!).find((s) => s.display.includes(article.author!));
  return sentence ? { ...hit, answer: sentence.display, answerMarks: [] } : hit;
}

export const ask: CommandModule<typeof schema> = {
  definition: {
    name: 'ask',
    names: { 'zh-CN': '提问', 'en-US': 'ask' },
    description: {
      'zh-CN': '就开发区与营商环境提问，返回带出处的原文段落',
      'en-US': 'Ask about development zones and their business environment; answers are cited excerpts',
    },
    textOption: 'question',
    options: [
      {
        name: 'question',
        names: { 'zh-CN': '问题', 'en-US': 'question' },
        description: { 'zh-CN': '你的问题，例如：钢城签约了几个项目', 'en-US': 'Your question, e.g. 钢城签约了几个项目' },
        type: 'string',
        required: true,
        maxLength: MAX_QUERY_LENGTH,
      },
    ],
  },
  schema,
  run({ engine, pageSize = DEFAULT_PAGE_SIZE }, { question, page }) {
    // Pinyin and English are read into the corpus's words first; the page still shows the question as asked.
    const { query, glosses } = readUserQuestion(engine, question);
    const scope = scopeOf(engine, query, question);
    // What the corpus does not cover is said first; no passage is then offered as if it were about it.
    const notice: Notice | undefined = scope.missing.length ? { code: 'not-in-corpus', detail: scope.missing.join('、') } : undefined;
    // Only the hits up to the asked page are ranked; the rest are counted. A named zone's passages come first.
    const window = Math.max(page * pageSize, RERANKED);
    const found = searchFirstAbout(engine, query, scope.zones, window);
    const { total } = found;
    const hits = rerankByAnswer(engine, query, found.hits, scope.zones).slice(0, page * pageSize);
    if (total === 0) return emptyPage('ask', question, notice ?? { code: 'no-results' }, pageSize);
    const paged = paginate(hits, page, pageSize, total);
    const hitOf = (r: SearchHit): Hit => {
      const hit = hitFor(engine, r.index, query, r.score);
      const withGlosses = glosses ? { ...hit, glosses: glossesFor(engine, r.index, glosses) } : hit;
      return scope.missing.length ? { ...withGlosses, notAbout: scope.missing } : withGlosses;
    };
    let shown = paged.items.map(hitOf);
    // Who wrote or edited it: the credit goes first, on top of the page's passages (none of which it pushes to no
    // page); a passage of the text naming the writer is moved up, not shown twice.
    const role = page === 1 && !scope.missing.length ? (askedCredit(question) ?? askedCredit(query)) : undefined;
    // A passage citing an outlet beside the question's words (大众日报：新材料园区…) answers which outlet ran a
    // story better than the outlet of the article it is in.
    const answeredInText = role === 'source' && shown[0] !== undefined && citesOutlet(shown[0].answer);
    const credit = role && hits[0] && !answeredInText ? creditHit(engine, hits[0], role, question, query) : undefined;
    if (credit) shown = [credit, ...(credit.credit ? shown : shown.filter((h) => h.citation !== credit.citation))];
    return pageOf('ask', question, paged, pageSize, { hits: shown, ...(notice ? { notice } : {}) });
  },
};
