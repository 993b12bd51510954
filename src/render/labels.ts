/** The bot's own words, in the user's language. Everything else shown is corpus text. */
import type { Locale } from '../command.ts';
import type { SkipKind } from '../corpus/types.ts';
import type { CorpusNumbers, Gloss, Hit, Notice } from '../page.ts';
import { MAX_QUERY_LENGTH } from '../results.ts';

export const LABELS = {
  'zh-CN': {
    page: (page: number, pages: number, total: number) => `第 ${page}/${pages} 页 · 共 ${total} 条`,
    notices: {
      'no-results': '没有找到相关段落。',
      'empty-query': '请输入内容。',
      'too-long': '输入太长了。',
      'invalid-option': '选项无效。',
      'unknown-zone': '没有找到这个园区。',
      'ambiguous-zone': '有多个园区符合，请选择：',
      'unknown-measure': '没有找到这项举措。',
      'measure-not-catalogued': '举措目录中没有这一项；以下是提到这些词的段落。',
      'measure-nearest': '没有找到这项举措；以下是最接近的举措：{detail}',
      'unknown-citation': '没有这个引用编号。',
      'no-figures': '没有符合条件的数据。',
      'not-in-corpus': '语料中没有关于{detail}的内容。以下是最接近的段落，说的不是它：',
    } satisfies Record<Notice['code'], string>,
    candidates: '可能是：',
    glosses: '词义（CC-CEDICT）',
    aliases: '别名',
    kind: '类型',
    articles: '相关文章',
    figures: '主要数据',
    measures: '施行的举措',
    zones: '施行园区',
    variants: '写法',
    paragraphs: '段',
    catalogue: '举措目录',
    corpus: '语料概况',
    before: '上一段',
    after: '下一段',
    corpusFields: {
      files: '文件',
      skipped: '跳过的文件',
      articles: '文章',
      paragraphs: '段落',
      zones: '园区',
      measures: '举措',
      figures: '数据',
      indexBytes: '索引大小（字节）',
      buildMs: '构建用时（毫秒）',
      fromSnapshot: '来自快照',
    },
    skipKinds: {
      'other-type': '其他类型',
      'too-large': '过大',
      empty: '空文件',
      binary: '二进制',
      undecodable: '无法解码',
      unreadable: '无法读取',
    } satisfies Record<SkipKind, string>,
    breakdown: (parts: string[]) => `（${parts.join('、')}）`,
    yes: '是',
    no: '否',
    share: '分享到频道',
    shareOne: '分享',
    sharedBy: (who: string) => `由 ${who} 分享`,
    notAbout: (names: string[]) => `〔不是关于${names.join('、')}〕`,
    relatedHeadline: '〔页面所列相关报道的标题〕',
    credit: '〔文章署名〕',
    heading: '〔段落所在部分的标题〕',
    untitled: '（原文无标题）',
  },
  'en-US': {
    page: (page: number, pages: number, total: number) => `Page ${page}/${pages} · ${total} in all`,
    notices: {
      'no-results': 'No passage matches.',
      'empty-query': 'Please type something.',
      'too-long': 'That is too long.',
      'invalid-option': 'Invalid option.',
      'unknown-zone': 'No such zone in the corpus.',
      'ambiguous-zone': 'Several zones match; pick one:',
      'unknown-measure': 'No such measure in the corpus.',
      'measure-not-catalogued': 'Not in the catalogue of measures; passages that use these words:',
      'measure-nearest': 'No such measure; showing the nearest one: {detail}',
      'unknown-citation': 'Unknown citation.',
      'no-figures': 'No figures match.',
      'not-in-corpus': 'The corpus says nothing about {detail}. The nearest passages below are about other places:',
    } satisfies Record<Notice['code'], string>,
    candidates: 'Did you mean:',
    glosses: 'Glossary (CC-CEDICT)',
    aliases: 'Also called',
    kind: 'Kind',
    articles: 'Articles',
    figures: 'Key figures',
    measures: 'Measures applied',
    zones: 'Applied in',
    variants: 'Written as',
    paragraphs: 'paragraphs',
    catalogue: 'Catalogue of measures',
    corpus: 'The corpus in numbers',
    before: 'Previous paragraph',
    after: 'Next paragraph',
    corpusFields: {
      files: 'files',
      skipped: 'skipped files',
      articles: 'articles',
      paragraphs: 'paragraphs',
      zones: 'zones',
      measures: 'measures',
      figures: 'figures',
      indexBytes: 'index size (bytes)',
      buildMs: 'build time (ms)',
      fromSnapshot: 'from snapshot',
    },
    skipKinds: {
      'other-type': 'other type',
      'too-large': 'too large',
      empty: 'empty',
      binary: 'binary',
      undecodable: 'undecodable',
      unreadable: 'unreadable',
    } satisfies Record<SkipKind, string>,
    breakdown: (parts: string[]) => ` (${parts.join(', ')})`,
    yes: 'yes',
    no: 'no',
    share: 'Share to channel',
    shareOne: 'Share',
    sharedBy: (who: string) => `Shared by ${who}`,
    notAbout: (names: string[]) => `[not about ${names.join(', ')}]`,
    relatedHeadline: '[a related story’s headline listed on the page]',
    credit: '[the article’s credit line]',
    heading: '[the heading this passage stands under]',
    untitled: '(no headline in the text)',
  },
} satisfies Record<Locale, unknown>;

export type Labels = (typeof LABELS)['zh-CN'];

/** Discord and terminal locales (`zh-CN`, `en-GB`, `en_US.UTF-8`) mapped to the two the bot speaks. */
export function labelsFor(locale: string | undefined): Labels {
  return locale && /^en/iu.test(locale) ? LABELS['en-US'] : LABELS['zh-CN'];
}

/**
 * A notice in words: the detail (an echoed name or citation, the names not in the corpus) put in its place or
 * after it. A validator's own wording (zod's) is never shown: the notice already says what was wrong, and a
 * length says the limit.
 */
export function noticeText(L: Labels, notice: Notice, escape: (text: string) => string = (text) => text): string {
  const text = L.notices[notice.code];
  if (notice.code === 'too-long') return `${text} (≤ ${MAX_QUERY_LENGTH})`;
  const detail = notice.code === 'empty-query' || notice.code === 'invalid-option' || notice.detail === undefined ? undefined : escape(notice.detail);
  if (text.includes('{detail}')) return text.replace('{detail}', detail ?? '');
  return text + (detail ? ` (${detail})` : '');
}

/** The overview's lines, `label: value`; the skipped files with their counts by kind: `3（其他类型 2、空文件 1）`, `3 (other type 2, empty 1)`. */
export function corpusLines(corpus: CorpusNumbers, L: Labels): string[] {
  const lines: string[] = [];
  for (const [key, value] of Object.entries(corpus)) {
    if (key === 'skippedBy') continue;
    let shown = typeof value === 'boolean' ? (value ? L.yes : L.no) : String(value);
    const by = Object.entries(key === 'skipped' ? (corpus.skippedBy ?? {}) : {});
    if (by.length) shown += L.breakdown(by.map(([kind, n]) => `${L.skipKinds[kind as SkipKind] ?? kind} ${n}`));
    lines.push(`${L.corpusFields[key as keyof typeof L.corpusFields]}: ${shown}`);
  }
  return lines;
}

/**
 * What a reader must know of a passage before its answer: not about the place asked for, a related story's
 * headline, the article's credit line, or the heading the passage stands under.
 */
export const passageMarks = (hit: Hit, L: Labels): string[] =>
  [hit.notAbout?.length ? L.notAbout(hit.notAbout) : '', hit.relatedHeadline ? L.relatedHeadline : '', hit.credit ? L.credit : '', hit.heading ? L.heading : ''].filter(Boolean);

/** Chinese terms with their English, as a glossary line: `签约 = sign a contract · 外资 = foreign investment`. */
export const glossText = (glosses: Gloss[]) => glosses.map((g) => `${g.term} = ${g.english}`).join(' · ');
