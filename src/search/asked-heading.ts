/**
 * Questions about a heading: a section's (招商引资那部分的小标题, the subheading over the Licheng section) or the
 * article's (那篇的标题是哪句, the headline). No sentence of a passage holds the answer: the passage is found by
 * the question's other words, and the head of the section it stands under, or its article's title, answers.
 */

export type AskedHeading = 'section' | 'title';

/** A section's heading: 小标题, or the heading of a part (那部分的标题). English questions arrive read as 小标题. */
const SECTION_HEADING = /小标题|分标题|(?:部分|板块|一节|章节|段落?|方面)的?(?:标题|题目)/u;
/** The article's own: its 标题 or 大标题, the headline. */
const ARTICLE_TITLE = /大标题|标题/u;

export function askedHeading(question: string): AskedHeading | undefined {
  if (SECTION_HEADING.test(question)) return 'section';
  return ARTICLE_TITLE.test(question) ? 'title' : undefined;
}
