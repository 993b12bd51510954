/**
 * Structure: one decoded file → its articles and their paragraphs (display text, before normalization).
 *
 * News pages arrive as plain lines: a headline block, bylines, body paragraphs, section heads, sometimes several
 * articles on one page and paragraphs broken by page layout. The rules here are about the shape of lines, not
 * about any particular file.
 */
import { classifyLine, isBulletHeadline, isTrailerHeading, stripDetailStub } from './boilerplate.ts';
import { removeInvisible, stripPinyinAnnotations } from '../text/normalize.ts';

export interface ArticleDraft {
  /** Headline lines (title and subtitle), in order. */
  headings: string[];
  /** Byline and dateline lines of the headline block. */
  meta: string[];
  paragraphs: { text: string; section?: string }[];
  /** Editor credit lines (`责任编辑:…`, `编辑：… 组版：…`) that close the article or, at the file's end, its page. */
  credits: string[];
}

/**
 * The section a page's list of related headlines (`- 总投资11亿元!…项目签约落户…`) is filed under: each headline
 * is a passage a reader can be cited, but it reports another story, so no knowledge is drawn from it.
 */
export const RELATED_HEADLINES = '相关报道';
const BULLET = /^[-•·]\s*/u;

/** A line that ends a sentence or a caption, so the next line starts a new paragraph. */
const TERMINAL_END = /[。！？!?；;…”’」』)）：:]$/u;
const SENTENCE_INSIDE = /[。！？!?；;]/u;
/** A news lede naming the issuing desk: `开发区讯(王小涵)7月30日，…`. */
export const LEDE = /^[\p{Script=Han}]{1,10}讯[（(]/u;
/** A dateline opening a paragraph: `7月4日，…`. */
export const DATELINE = /^\d{1,2}月\d{1,2}日/u;
/** Byline or dateline lines of a headline block. */
const META_LINE = /^(?:通讯员|记者|作者|来源)[\s:：]|^□\S{2,6}$|来源\s*[:：]|^\d{4}-\d{2}-\d{2}/u;
const HEADING_MAX = 40;

/** A piece of a paragraph that the page layout cut off: it ends mid-sentence and is not a headline. */
function isBrokenParagraph(line: string): boolean {
  if (TERMINAL_END.test(line)) return false;
  return line.length >= HEADING_MAX || /[，,、]$/u.test(line) || SENTENCE_INSIDE.test(line);
}

function isMeta(line: string): boolean {
  return META_LINE.test(line);
}

function isHeading(line: string): boolean {
  return line.length <= HEADING_MAX && !SENTENCE_INSIDE.test(line) && !/[，,、：:]$/u.test(line);
}

type Line = { text: string; headline?: true; related?: true } | { separator: true; credits: string[] };

/**
 * Cleans lines, drops boilerplate, and keeps editor credits as separators between articles. A `headline` the
 * file declares (a web page's title) is kept as a headline line when it opens the text, whatever its shape.
 */
function contentLines(text: string, headline?: string): Line[] {
  const out: Line[] = [];
  let bodySeen = false;
  // After a list of other stories (今日导读), only the page's credits still belong to this page.
  let trailer = false;
  for (const raw of text.split('\n')) {
    const line = stripDetailStub(removeInvisible(stripPinyinAnnotations(raw)).trim());
    if (!line) continue;
    if (headline !== undefined && out.length === 0 && line === removeInvisible(stripPinyinAnnotations(headline)).trim()) {
      out.push({ text: line, headline: true });
      continue;
    }
    if (isTrailerHeading(line)) trailer = true; // what follows lists other stories
    const kind = classifyLine(line);
    if (trailer && kind !== 'editor') continue;
    if (kind === 'editor') {
      const last = out.at(-1);
      if (last && 'separator' in last) last.credits.push(line);
      else out.push({ separator: true, credits: [line] });
    } else if (kind === 'text' && !isBulletHeadline(line)) {
      out.push({ text: line });
      bodySeen ||= line.length >= HEADING_MAX || SENTENCE_INSIDE.test(line);
    } else if (kind === 'text' && bodySeen) {
      // A bullet list after the article's text lists related stories; before it, the site's menu or the page's
      // labels (分类, 发布时间), which are dropped.
      out.push({ text: line.replace(BULLET, ''), related: true });
    }
  }
  return out;
}

/**
 * Joins paragraph pieces that the layout split across lines (blank lines or page breaks between them). A piece
 * is joined to one next line at most: a page break cuts a paragraph once, and a chain of joins would turn a text
 * whose paragraphs lack final punctuation into one paragraph.
 */
function joinBrokenParagraphs(lines: Line[]): Line[] {
  const out: (Line & { joined?: boolean })[] = [];
  for (const line of lines) {
    const prev = out.at(-1);
    const joinable = 'text' in line && !line.related && prev && 'text' in prev && !prev.joined && !prev.headline && !prev.related;
    if (joinable && !isMeta(prev.text) && isBrokenParagraph(prev.text)) {
      prev.text += line.text;
      prev.joined = true;
    } else {
      out.push('text' in line ? { ...line } : line);
    }
  }
  return out;
}

/**
 * Splits a file's text into articles. A new article starts at the top of the file, after an editor credit
 * block, or at a headline block followed by a lede (`…讯(…)`) or, for a headline of two or more lines, by a
 * dateline. Other headline blocks are section heads inside the current article.
 */
export function splitArticles(text: string, headline?: string): ArticleDraft[] {
  const lines = joinBrokenParagraphs(contentLines(text, headline));
  const articles: ArticleDraft[] = [];
  let current: ArticleDraft | undefined;
  let section: string | undefined;
  let pendingSeparator = false;
  /** Credits before any article, kept for the first; credits after the last article, for the page. */
  let opening: string[] = [];
  let closing: string[] = [];

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if ('separator' in line) {
      pendingSeparator = true;
      if (!current) opening.push(...line.credits);
      else {
        current.credits.push(...line.credits);
        closing = line.credits;
      }
      continue;
    }
    closing = [];
    // Gather a run of headline and byline lines.
    const run: string[] = [];
    let j = i;
    while (j < lines.length) {
      const l = lines[j]!;
      if (!('text' in l) || l.related || !(l.headline || isHeading(l.text) || isMeta(l.text))) break;
      run.push(l.text);
      j++;
    }
    const next = lines[j];
    const body = next && 'text' in next ? next.text : undefined;
    const startsArticle =
      !current ||
      (pendingSeparator && current.paragraphs.length > 0) ||
      (run.length > 0 && body !== undefined && (LEDE.test(body) || (run.length >= 2 && DATELINE.test(body))));

    if (startsArticle && (run.length > 0 || !current || pendingSeparator)) {
      current = { headings: [], meta: [], paragraphs: [], credits: opening };
      opening = [];
      articles.push(current);
      section = undefined;
      // Headline lines before the first byline form the title; heading lines after it are a first section.
      let seenMeta = false;
      const sectionLines: string[] = [];
      for (const l of run) {
        if (isMeta(l)) {
          seenMeta = true;
          current.meta.push(l);
        } else if (seenMeta) sectionLines.push(l);
        else current.headings.push(l);
      }
      if (sectionLines.length) section = sectionLines.join(' ');
    } else if (run.length > 0) {
      section = run.filter((l) => !isMeta(l)).join(' ') || section;
      current!.meta.push(...run.filter(isMeta));
    }
    pendingSeparator = false;
    if (body === undefined) {
      i = j - 1;
      continue;
    }
    const related = next && 'text' in next && next.related;
    current!.paragraphs.push(related ? { text: body, section: RELATED_HEADLINES } : section ? { text: body, section } : { text: body });
    i = j;
  }
  // A credit block that ends the file credits its page: every article on it that names no credit of its own.
  const kept = articles.filter((a) => a.paragraphs.length > 0);
  if (closing.length) for (const a of kept) if (!a.credits.length) a.credits = closing;
  return kept;
}
