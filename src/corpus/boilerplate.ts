/**
 * Boilerplate: lines that belong to the page, not to an article — editor credits, app promotions, page numbers,
 * lists of related headlines. Removed before structure is found so that none of it can rank as an answer.
 */

/** Editor and layout credits: `初审编辑:`, `责任编辑:葛思琦`, `编辑：彭传刚 组版：颜莉`, `统稿:… 本版责编:… 校对:…`. */
const EDITOR_LINE = /^(?:初审编辑|责任编辑|编辑|组版|统稿|本版责编|校对|审核|值班编辑|终审)\s*[:：]/u;
/** App promotions of news portals. */
const PROMOTION_LINE = /扫码下载|下载客户端|找记者\s*上|^上壹点$|关注公众号|长按识别二维码/u;
/** `2版`, `第3版`: page numbers of a newspaper page. */
const PAGE_NUMBER_LINE = /^第?\d{1,2}版$/u;
/** Headings after which a page lists other stories, never this one. */
const TRAILER_HEADING = /^(?:相关新闻|推荐阅读|相关阅读|延伸阅读|今日导读|热点推荐|猜你喜欢)$/u;
/** A bullet line of a headline list: `- 大眾日報：濟南新材料…`. */
const BULLET_HEADLINE = /^[-•·]\s*\S/u;
/**
 * A web page's own furniture, as it reads once the markup is gone: print and share widgets, font-size switches,
 * breadcrumbs, previous/next links, visit counters and the site footer (Simplified and Traditional wordings).
 */
const PAGE_CHROME = /打印本页|打印此页|打印页面|列印本頁|关闭窗口|关闭本页|关闭页面|關閉視窗|關閉本頁|^分享\s*[:：]|[【\[〖]\s*top\s*[】\]〗]|[【\[](?:打印|关闭|列印|關閉)[】\]]|分享到|分享至|字号\s*[:：]|字號\s*[:：]|[【\[]\s*字体|字体\s*[:：]\s*[\[【]?\s*大|返回顶部|回到顶部|返回首页|^上一篇|^下一篇|当前位置\s*[:：]|您的位置|你的位置|您现在的位置|目前位置|浏览次数|瀏覽次數|阅读次数|閱讀次數|点击数|點擊數|访问量|訪問量|當前位置\s*[:：]|版权所有|版權所有|Copyright|©|ICP备|公网安备|网站标识码|主办单位\s*[:：]|承办单位\s*[:：]|技术支持\s*[:：]|举报电话|设为首页|設為首頁|加入收藏|扫一扫|在手机上打开/iu;
/** Page furniture is short; a longer line that happens to use one of its words is article text. */
const PAGE_CHROME_MAX = 80;
/** The link stub that ends a teaser paragraph. */
const DETAIL_STUB = /\s*[\[【［]\s*详细\s*[\]】］]\s*$/u;

export function isEditorLine(line: string): boolean {
  // Web pages put the credit in brackets: `（责任编辑：…）`.
  if (/^[（(【\[]/u.test(line)) line = line.slice(1);
  return EDITOR_LINE.test(line) || /\s(?:组版|校对|本版责编)\s*[:：]/u.test(line);
}

export type LineKind = 'text' | 'editor' | 'drop';

/** Classifies one trimmed, non-empty line. Editor lines are kept as markers: they separate articles. */
export function classifyLine(line: string): LineKind {
  if (isEditorLine(line)) return 'editor';
  if (PROMOTION_LINE.test(line) || PAGE_NUMBER_LINE.test(line) || isPageChromeLine(line)) return 'drop';
  return 'text';
}

/** Drops the `[详细]` link stub from a teaser, keeping the teaser's own text. */
export function stripDetailStub(line: string): string {
  // The pattern is tried at every position of the line; a line without 详细 has no stub.
  return line.includes('详细') ? line.replace(DETAIL_STUB, '') : line;
}

export function isTrailerHeading(line: string): boolean {
  return TRAILER_HEADING.test(line);
}

/** True for a headline-list bullet: short, no sentence inside, so it is a link, not a paragraph. */
export function isBulletHeadline(line: string): boolean {
  return BULLET_HEADLINE.test(line) && line.length <= 100 && !/[。！？]./u.test(line);
}

/** A source label: a line with it says who published the page. */
const SOURCE_LABEL = /来源\s*[:：]/u;

export function isPageChromeLine(line: string): boolean {
  // Furniture has no sentence in it: a line with a full stop that mentions 分享到 is article text. A byline that
  // shares its line with a visit counter (来源：… 发布时间：… 浏览次数：1) still says who published the page.
  return line.length <= PAGE_CHROME_MAX && PAGE_CHROME.test(line) && !/[。！？]/u.test(line) && !SOURCE_LABEL.test(line);
}
