/**
 * Article metadata from what the text itself says: title, date, source and author. Nothing is guessed beyond
 * the text: a date without a year takes the year only when the article (or its page) names one.
 */
import { DATELINE, LEDE, type ArticleDraft } from './structure.ts';

export interface ArticleMeta {
  title: string;
  untitled?: boolean;
  date?: string;
  source?: string;
  author?: string;
  /** The lines that credit the article, as written: its byline (`□高庆贺`, `作者: 毕东方`) and its editors. */
  credits?: string[];
}

const ISO_DATE = /(\d{4})-(\d{1,2})-(\d{1,2})/u;
const CHINESE_DATE = /(\d{4})年(\d{1,2})月(\d{1,2})日/u;
const YEAR = /(?<!\d)((?:19|20)\d{2})年/gu;
const MEDIA = '[^\\s（()）:：,，。]{2,10}?(?:日报|日報|晚报|晚報|网|網|客户端|客戶端|电视台|電視台|新闻|新聞)';
const SOURCE_LABEL = /来源\s*[:：]\s*([^\s　]+)/u;
const OUTLET_CITED = new RegExp(`${MEDIA}\\s*[:：]`, 'u');

/** Whether a text cites an outlet for what follows (大众日报：…), as a page of press coverage does. */
export const citesOutlet = (text: string): boolean => OUTLET_CITED.test(text);
const MEDIA_WITH_REPORTER = new RegExp(`[（(](${MEDIA})\\s*(?:记者|記者)`, 'u');
const MEDIA_OPENING = new RegExp(`^(${MEDIA})`, 'u');
const DESK = /^([\p{Script=Han}]{1,10}讯)[（(]([^)）]{1,20})[)）]/u;
const AUTHOR_LABEL = /作者\s*[:：]\s*([^\s　]+)/u;
const CORRESPONDENT = /^通讯员\s*[:：]?\s*(.+)$/u;
const SQUARE_BYLINE = /^□\s*(\S{2,6})$/u;
const CORRESPONDENT_IN_TEXT = /[（(]通讯员\s*[:：]?\s*([^)）]{2,20})[)）]/u;
const REPORTERS_IN_TEXT = /(?:记者|記者)\s*[:：]\s*([^)）:：]{2,40}?)\s*(?:通讯员|[)）])/u;

/** A credit line that names someone: `初审编辑:` alone names nobody. */
const NAMED_CREDIT = /[:：]\s*\p{Script=Han}/u;
const namesAuthor = (line: string) => AUTHOR_LABEL.test(line) || CORRESPONDENT.test(line) || SQUARE_BYLINE.test(line);

const pad = (n: string) => n.padStart(2, '0');

/** The latest year the text names, as context for a date written without one (`7月30日`). */
function latestYear(text: string): string | undefined {
  let best: string | undefined;
  for (const m of text.matchAll(YEAR)) if (!best || m[1]! > best) best = m[1];
  return best;
}

function findDate(draft: ArticleDraft, articleText: string, fileText: string): string | undefined {
  for (const line of draft.meta) {
    const m = ISO_DATE.exec(line) ?? CHINESE_DATE.exec(line);
    if (m) return `${m[1]}-${pad(m[2]!)}-${pad(m[3]!)}`;
  }
  const first = draft.paragraphs[0]?.text ?? '';
  const opening = first.replace(LEDE, '').replace(/^[^)）]*[)）]/u, '');
  const full = CHINESE_DATE.exec(first.slice(0, 20));
  if (full) return `${full[1]}-${pad(full[2]!)}-${pad(full[3]!)}`;
  const dl = (LEDE.test(first) ? opening : first).match(DATELINE);
  if (!dl) return undefined;
  const [month, day] = dl[0].match(/\d+/gu)!;
  const year = latestYear(articleText) ?? latestYear(fileText);
  return year ? `${year}-${pad(month!)}-${pad(day!)}` : `--${pad(month!)}-${pad(day!)}`;
}

function findSource(draft: ArticleDraft, articleText: string): string | undefined {
  for (const line of draft.meta) {
    const m = SOURCE_LABEL.exec(line);
    if (m) return m[1];
  }
  const first = draft.paragraphs[0]?.text ?? '';
  return DESK.exec(first)?.[1] ?? MEDIA_WITH_REPORTER.exec(articleText)?.[1] ?? MEDIA_OPENING.exec(first)?.[1];
}

function findAuthor(draft: ArticleDraft, articleText: string): string | undefined {
  for (const line of draft.meta) {
    const m = AUTHOR_LABEL.exec(line) ?? CORRESPONDENT.exec(line) ?? SQUARE_BYLINE.exec(line);
    if (m) return m[1]!.trim();
  }
  const first = draft.paragraphs[0]?.text ?? '';
  const found =
    DESK.exec(first)?.[2] ?? CORRESPONDENT_IN_TEXT.exec(articleText)?.[1] ?? REPORTERS_IN_TEXT.exec(articleText)?.[1];
  return found?.trim();
}

export function articleMeta(draft: ArticleDraft, fileText: string): ArticleMeta {
  const articleText = draft.paragraphs.map((p) => p.text).join('\n');
  // The headline lines, where the text has them. An article without one (a page saved from its first
  // paragraph on, a teaser after the article) has no title: its opening words would be shown as one, and they
  // are a sentence of the body, not what the article is called.
  const meta: ArticleMeta = draft.headings.length ? { title: draft.headings.join(' ') } : { title: '', untitled: true };
  const date = findDate(draft, articleText, fileText);
  const source = findSource(draft, articleText);
  const author = findAuthor(draft, articleText);
  if (date) meta.date = date;
  if (source) meta.source = source;
  if (author) meta.author = author;
  // A page may repeat its editor block above and below the article: each line once.
  const credits = [...new Set([...draft.meta.filter(namesAuthor), ...draft.credits.filter((line) => NAMED_CREDIT.test(line))])];
  if (credits.length) meta.credits = credits;
  return meta;
}
