/** `/source citation:` — one paragraph in full with its article's title, date and source, and its neighbours. */
import { z } from 'zod';
import type { CommandModule } from '../src/command.ts';
import { DEFAULT_PAGE_SIZE, emptyPage, hitFor } from '../src/results.ts';

/**
 * `000-11`, a longer file stem before the number, or either after a subfolder's path (`2024/03/000-2`). Only a key
 * to look up among the corpus's own citations, never opened as a path.
 */
const CITATION = /^[\p{L}\p{N}_.\-/]{1,120}-\d{1,6}$/u;
const schema = z.object({ citation: z.string().trim().min(1).max(100), page: z.unknown().optional() });

export const source: CommandModule<typeof schema> = {
  definition: {
    name: 'source',
    names: { 'zh-CN': '出处', 'en-US': 'source' },
    description: { 'zh-CN': '查看引用编号对应的原文段落全文', 'en-US': 'Show the full paragraph behind a citation' },
    textOption: 'citation',
    options: [
      {
        name: 'citation',
        names: { 'zh-CN': '引用', 'en-US': 'citation' },
        description: { 'zh-CN': '引用编号，如 000-11', 'en-US': 'Citation id, e.g. 000-11' },
        type: 'string',
        required: true,
        maxLength: 100,
      },
    ],
  },
  schema,
  run({ engine, pageSize = DEFAULT_PAGE_SIZE }, { citation }) {
    const index = CITATION.test(citation) ? engine.paragraphIndex(citation) : undefined;
    if (index === undefined) return emptyPage('source', citation, { code: 'unknown-citation', detail: citation }, pageSize);
    const paragraph = engine.corpus.paragraphs[index]!;
    const neighbour = (i: number) => {
      const p = engine.corpus.paragraphs[i];
      return p && p.article === paragraph.article ? hitFor(engine, i, '', 0) : undefined;
    };
    const hit = { ...hitFor(engine, index, '', 0), answer: paragraph.display, answerMarks: [] };
    const before = neighbour(index - 1);
    const after = neighbour(index + 1);
    return {
      command: 'source',
      query: citation,
      page: 1,
      pages: 1,
      total: 1,
      pageSize,
      hits: [hit],
      context: { ...(before ? { before } : {}), ...(after ? { after } : {}) },
    };
  },
};
