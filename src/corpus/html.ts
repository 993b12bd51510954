/**
 * Saved web pages → the article they carry, laid out as the plain lines a text file has (headline, byline lines,
 * one paragraph a line), so that a page goes through the same structure and metadata stages as a text file and is
 * cited the same way.
 *
 * The article body comes from Mozilla's Readability over linkedom's DOM; title, date and source from what the page
 * declares about itself (meta tags, then the page's own 来源：/发布时间： line). Menus and headline lists are removed by
 * their shape (links with next to no other text) before Readability looks; what it leaves of the page's chrome
 * (share and print widgets, breadcrumbs, previous/next links) is dropped by line shape in `boilerplate.ts`.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { isPageChromeLine } from './boilerplate.ts';

export interface PageArticle {
  title?: string;
  /** ISO date, YYYY-MM-DD. */
  date?: string;
  source?: string;
  author?: string;
  paragraphs: string[];
}

/** The charset a page declares in its first bytes: `<meta charset=…>` or the http-equiv Content-Type. */
export function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
  const m = /<meta\b[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)/iu.exec(head);
  return m?.[1]?.toLowerCase();
}

/** Meta tags that name the article itself (not the site), by priority. */
const TITLE_META = ['og:title', 'articletitle', 'twitter:title', 'title'];
const DATE_META = ['article:published_time', 'pubdate', 'publishdate', 'publish_date', 'publishtime', 'firstpublishedtime', 'date', 'dc.date'];
const SOURCE_META = ['contentsource', 'source'];
/**
 * Elements that are never article text, removed before Readability looks at the page. Not `<form>`: pages made
 * with ASP.NET, common among government sites, hold their whole body in one.
 */
const NEVER_TEXT = 'script, style, noscript, template, iframe, nav, footer, aside, textarea, select, button, input, [role=navigation], [role=contentinfo]';
/** Elements that end a line of text. */
const BLOCK = new Set(['P', 'DIV', 'SECTION', 'ARTICLE', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'UL', 'OL', 'BLOCKQUOTE', 'PRE', 'TABLE', 'TR', 'DL', 'DT', 'DD', 'FIGURE', 'FIGCAPTION', 'CENTER', 'HR']);

/** A page's own byline line: `发布时间：2024-04-18 09:30　来源：…　浏览次数：…` (Simplified or Traditional labels). */
const INFO_LABEL = /(?:来源|來源|稿源|出处|出處)\s*[:：]|(?:发布|發佈|发表|發表|更新)(?:时间|時間|日期|于|於)\s*[:：]|^(?:时间|時間|日期)\s*[:：]/u;
const SOURCE_IN_INFO = /(?:来源|來源|稿源|出处|出處)\s*[:：]\s*([^\s　|｜:：]{2,30}?)(?=\s|$|[|｜]|(?:作者|编辑|編輯|记者|記者|发布|發佈|时间|時間|日期|浏览|瀏覽|点击|點擊|字号|字號|阅读|閱讀)|$)/u;
const AUTHOR_IN_INFO = /(?:作者|记者|記者)\s*[:：]\s*([^\s　|｜:：]{2,20}?)(?=\s|$|[|｜]|(?:来源|來源|编辑|編輯|发布|發佈|时间|時間|日期|浏览|瀏覽))/u;
/** `2024-04-18`, `2024/4/18`, `2024.04.18`, `2024年4月18日`. */
const DATE = /((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})(?!\d)/u;
const INFO_MAX = 160;

const collapse = (text: string) => text.replace(/[\s\u00a0]+/gu, ' ').trim();

/** The first date a text gives, as YYYY-MM-DD (a meta tag's `2024-05-09T14:22:00+08:00` included). */
function isoDate(text: string | null | undefined): string | undefined {
  const m = text ? DATE.exec(text) : null;
  if (!m) return undefined;
  const [month, day] = [Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  return `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
}

function metaValues(document: Document): Map<string, string> {
  const values = new Map<string, string>();
  for (const meta of document.querySelectorAll('meta')) {
    const key = (meta.getAttribute('property') ?? meta.getAttribute('name') ?? meta.getAttribute('itemprop'))?.toLowerCase();
    const content = collapse(meta.getAttribute('content') ?? '');
    if (key && content && !values.has(key)) values.set(key, content);
  }
  return values;
}

/** Text of an element with its text nodes kept apart by spaces (`<span>2024-05-09</span><span>来源：…</span>`). */
function spacedText(element: Element): string {
  const parts: string[] = [];
  const walk = (node: Node) => {
    if (node.nodeType === 3) parts.push(node.textContent ?? '');
    else if (node.nodeType === 1 && !/^(?:SCRIPT|STYLE|NOSCRIPT)$/u.test((node as Element).tagName)) node.childNodes.forEach(walk);
  };
  walk(element);
  return collapse(parts.join(' '));
}

/** The page's byline line: the first short element (in document order) that carries a 来源 or 发布时间 label. */
function infoLine(body: Element): string | undefined {
  for (const element of body.querySelectorAll('div, p, span, td, li, section, header, small, em, font')) {
    const text = spacedText(element);
    if (text.length <= INFO_MAX && INFO_LABEL.test(text)) return text;
  }
  return undefined;
}

/** Between a headline and the column or site names a page title adds: `标题_工作动态_某区政府`, `标题 - 某网`, `标题--某网`. */
const TITLE_SEPARATOR = /\s*[_|｜]\s*|\s+[-–—]+\s+|\s*-{2,}\s*/u;
const MIN_TITLE = 4;

/**
 * The article's headline. A meta tag naming the article, or else the page's `<title>`, often carries the site's
 * name after it: where an `<h1>` is how that title begins, the `<h1>` is the headline; otherwise the title's first
 * part. An `<h1>` alone is not trusted: many sites put their name in one.
 */
function findTitle(document: Document, meta: Map<string, string>): string | undefined {
  const metaTitle = TITLE_META.map((key) => meta.get(key)).find(Boolean);
  const pageTitle = collapse(document.title ?? '');
  const h1s = [...document.querySelectorAll('h1')].map((h) => collapse(h.textContent ?? '')).filter((t) => t.length >= MIN_TITLE);
  for (const candidate of [metaTitle, pageTitle]) {
    const h1 = candidate && h1s.filter((h) => candidate.startsWith(h)).sort((a, b) => b.length - a.length)[0];
    if (h1) return h1;
  }
  for (const candidate of [metaTitle, pageTitle]) {
    const head = candidate?.split(TITLE_SEPARATOR)[0]?.trim();
    if (head && head.length >= MIN_TITLE) return head;
  }
  return undefined;
}

/** Text characters that a menu or a headline list may have outside its links (a heading such as 栏目导航). */
const MENU_OWN_TEXT = 30;
const MENU_LINKS = 3;

/**
 * Removes menus and headline lists: elements with three links or more and next to no text of their own outside
 * them. Sites name these blocks in any way (`left_menu`, `lm`, `xgxw`), so they are found by shape, not by name;
 * an element that holds an article has far more text outside links than a heading's worth.
 */
function removeLinkLists(root: Element): void {
  const measure = (node: Node, inLink: boolean): { own: number; links: number } => {
    if (node.nodeType === 3) return { own: inLink ? 0 : (node.textContent ?? '').replace(/\s+/gu, '').length, links: 0 };
    if (node.nodeType !== 1) return { own: 0, links: 0 };
    const element = node as Element;
    const isLink = element.tagName === 'A';
    let own = 0;
    let links = isLink ? 1 : 0;
    for (const child of [...element.childNodes]) {
      const m = measure(child, inLink || isLink);
      own += m.own;
      links += m.links;
    }
    if (!inLink && links >= MENU_LINKS && own <= MENU_OWN_TEXT && element !== root) {
      element.remove();
      return { own: 0, links: 0 };
    }
    return { own, links };
  };
  measure(root, false);
}

/** A line that is mostly its links (`相关链接：<a>…</a> <a>…</a>`) lists other pages; it is not article text. */
const LINK_LINE_SHARE = 0.6;

/**
 * Lines of an element's text: a block element or `<br>` ends a line, table cells are kept apart by a space. A line
 * of two links or more that is mostly link text is dropped.
 */
function textLines(root: Node): string[] {
  const lines: string[] = [];
  let line = '';
  let linkChars = 0;
  let links = 0;
  const end = () => {
    const text = collapse(line);
    const chars = text.replace(/\s+/gu, '').length;
    if (text && !(links >= 2 && linkChars >= chars * LINK_LINE_SHARE)) lines.push(text);
    line = '';
    linkChars = 0;
    links = 0;
  };
  const walk = (node: Node, inLink: boolean) => {
    if (node.nodeType === 3) {
      const text = node.textContent ?? '';
      line += text;
      if (inLink) linkChars += text.replace(/\s+/gu, '').length;
      return;
    }
    if (node.nodeType !== 1) return;
    const tag = (node as Element).tagName.toUpperCase();
    if (tag === 'BR') return end();
    if (tag === 'TD' || tag === 'TH') line += ' ';
    if (tag === 'A') links++;
    const block = BLOCK.has(tag);
    if (block) end();
    node.childNodes.forEach((child) => walk(child, inLink || tag === 'A'));
    if (block) end();
  };
  walk(root, false);
  end();
  return lines;
}

/** The article a page carries; no paragraphs when the page has no article text. */
export function extractPage(html: string): PageArticle {
  const { document } = parseHTML(html);
  const meta = metaValues(document);
  const body = document.body ?? document.documentElement;
  const info = body ? infoLine(body) : undefined;
  const title = findTitle(document, meta);

  for (const element of document.querySelectorAll(NEVER_TEXT)) element.remove();
  if (document.body) removeLinkLists(document.body);
  const parsed = new Readability<Node>(document as unknown as Document, { charThreshold: 100, serializer: (node) => node }).parse();

  const date = DATE_META.map((key) => isoDate(meta.get(key))).find(Boolean) ?? isoDate(info) ?? isoDate(parsed?.publishedTime);
  const source = SOURCE_META.map((key) => meta.get(key)).find(Boolean) ?? (info && SOURCE_IN_INFO.exec(info)?.[1]);
  const author = info && AUTHOR_IN_INFO.exec(info)?.[1];

  const paragraphs = (parsed?.content ? textLines(parsed.content) : []).filter(
    (line) => line !== title && !(line.length <= INFO_MAX && INFO_LABEL.test(line) && !/[。！？]/u.test(line)) && !isPageChromeLine(line),
  );
  return {
    ...(title ? { title } : {}),
    ...(date ? { date } : {}),
    ...(source ? { source } : {}),
    ...(author ? { author } : {}),
    paragraphs,
  };
}

/**
 * The article as the lines of a text file: headline, then byline lines in the forms the metadata stage reads
 * (`来源：…`, `2024-04-18`, `作者：…`), then one paragraph a line.
 */
export function pageText(page: PageArticle): string {
  const byline = [page.source && `来源：${page.source}`, page.date, page.author && `作者：${page.author}`].filter(Boolean);
  return [page.title ?? '', ...byline, '', ...page.paragraphs].join('\n').replace(/^\n+/u, '');
}
