/**
 * Questions about who wrote or edited an article, or which outlet ran it (那篇综述是谁写的, 这一版的编辑是谁, 这篇稿子
 * 来源于哪家媒体, who wrote the report on …).
 * Their answer is the article's credit line (`□高庆贺`, `作者: 毕东方`, `编辑：彭传刚`), which no passage holds
 * and no word of the question matches: the article is found by the question's other words, its credit is shown.
 */
import type { Article } from '../corpus/types.ts';
import { normalizeForMatch } from '../text/normalize.ts';

export type CreditRole = 'author' | 'editor' | 'source';

/**
 * Asked for an editor: the role named with a who, or a role only editors have, also as a verb and its object
 * (谁组的版, 谁统的稿).
 */
const ASKS_EDITOR = /编辑是谁|编辑叫|谁编辑|哪位编辑|谁编的|责任编辑|责编|[组排]的?版|统的?稿|审的?稿|校的?对|谁[初终]?审的|\beditors?\b|\bedited by\b/iu;
/**
 * Asked for the writer: who wrote it, or the byline's roles named with a who. `记者采访了谁` asks whom the reporter
 * met, not who the reporter is.
 */
const ASKS_AUTHOR =
  /谁写|谁撰写|谁采写|由谁.{0,4}写|哪位(?:写|撰写|采写)|作者|撰稿|执笔|署名|(?:记者|通讯员)(?:是谁|叫什么|是哪位)|哪(?:位|个|些)(?:记者|通讯员)|\bwho wrote\b|\bwritten by\b|\bauthors?\b|\breporters?\b|\bbyline\b/iu;
/** A credit line of the editors' kind, not the byline. */
const EDITOR_CREDIT = /编辑|責編|责编|组版|排版|统稿|統稿|审稿|校对|編輯/u;

/**
 * Asked for the outlet that ran the article: a which-question about media (哪家媒体, 哪个网站), or the article's
 * origin (这篇稿子来源于, 报道出自). A bare 来源 is not enough: 资金来源 asks where money comes from.
 */
const ASKS_SOURCE =
  /(?:哪家|哪个|哪一家|什么)(?:媒体|报纸|报社|网站|新闻网)|(?:稿子|稿件|文章|报道|新闻|消息|这篇|那篇)[^,，。?？]{0,8}(?:来源|出处|出自|来自|刊发|刊登|首发)|\bwhich (?:media|outlet|website|site|newspaper|paper)\b|\b(?:outlet|newspaper|website) (?:ran|published|carried)\b/iu;

export function askedCredit(question: string): CreditRole | undefined {
  if (ASKS_EDITOR.test(question)) return 'editor';
  if (ASKS_AUTHOR.test(question)) return 'author';
  if (ASKS_SOURCE.test(question)) return 'source';
  return undefined;
}

/** Titles a credit line gives, longest first: a question naming 责任编辑 asks for that line, not 初审编辑's. */
const CREDIT_TITLES = ['责任编辑', '初审编辑', '终审编辑', '组版', '排版', '统稿', '审稿', '校对', '责编', '编辑', '作者', '记者', '通讯员'];

/** The article's credit lines of the asked role, as written; first the line of the title the question names. */
export function creditLines(article: Article, role: CreditRole, question = ''): string[] {
  // The outlet is shown under the label a page gives it (来源: 大众网), whether the page wrote the label or named
  // the outlet beside its reporter.
  if (role === 'source') return article.source ? [`来源: ${article.source}`] : [];
  const lines = (article.credits ?? []).filter((line) => EDITOR_CREDIT.test(line) === (role === 'editor'));
  // 谁组的版 names the title 组版.
  const asked = normalizeForMatch(question).replace(/的/gu, '');
  const title = CREDIT_TITLES.find((t) => asked.includes(t) && lines.some((line) => normalizeForMatch(line).includes(t)));
  if (!title) return lines;
  const named = (line: string) => normalizeForMatch(line).includes(title);
  return [...lines.filter(named), ...lines.filter((line) => !named(line))];
}
