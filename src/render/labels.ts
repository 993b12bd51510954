/** The bot's own words, in the user's language. Everything else shown is corpus text. */
import type { Locale } from '../command.ts';
import type { Gloss, Notice } from '../page.ts';

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
      'unknown-citation': '没有这个引用编号。',
      'no-figures': '没有符合条件的数据。',
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
    yes: '是',
    no: '否',
    share: '分享到频道',
    shareOne: '分享',
    sharedBy: (who: string) => `由 ${who} 分享`,
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
      'unknown-citation': 'Unknown citation.',
      'no-figures': 'No figures match.',
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
    yes: 'yes',
    no: 'no',
    share: 'Share to channel',
    shareOne: 'Share',
    sharedBy: (who: string) => `Shared by ${who}`,
  },
} satisfies Record<Locale, unknown>;

export type Labels = (typeof LABELS)['zh-CN'];

/** Discord and terminal locales (`zh-CN`, `en-GB`, `en_US.UTF-8`) mapped to the two the bot speaks. */
export function labelsFor(locale: string | undefined): Labels {
  return locale && /^en/iu.test(locale) ? LABELS['en-US'] : LABELS['zh-CN'];
}

/** Chinese terms with their English, as a glossary line: `签约 = sign a contract · 外资 = foreign investment`. */
export const glossText = (glosses: Gloss[]) => glosses.map((g) => `${g.term} = ${g.english}`).join(' · ');
