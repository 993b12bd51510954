/** A result page as terminal text: citations in brackets, matched terms highlighted, colours only on a TTY. */
import type { Fact, Hit, Marks, ResultPage } from '../page.ts';
import { corpusLines, glossText, labelsFor, noticeText, passageMarks } from './labels.ts';

export interface TerminalStyle {
  color: boolean;
  locale?: string;
}

const ANSI = { bold: '\u001b[1m', dim: '\u001b[2m', cyan: '\u001b[36m', yellow: '\u001b[33m', reset: '\u001b[0m' };

/** Marks as ANSI bold yellow, or as 【】 brackets when colours are off, so the marking survives a pipe. */
export function markText(text: string, marks: Marks, color: boolean): string {
  let out = '';
  let at = 0;
  for (const [start, end] of marks) {
    out += text.slice(at, start) + (color ? ANSI.bold + ANSI.yellow : '【') + text.slice(start, end) + (color ? ANSI.reset : '】');
    at = end;
  }
  return out + text.slice(at);
}

export function renderTerminal(page: ResultPage, style: TerminalStyle): string {
  const L = labelsFor(style.locale);
  const c = (code: keyof typeof ANSI, text: string) => (style.color ? ANSI[code] + text + ANSI.reset : text);
  const lines: string[] = [];
  const cite = (citation: string) => c('cyan', `[${citation}]`);
  const hitLines = (hit: Hit, n: number) => {
    const meta = [hit.title, hit.date, hit.source].filter(Boolean).join(' · ');
    const marks = passageMarks(hit, L);
    const marked = marks.length ? c('dim', marks.join(' ')) + ' ' : '';
    lines.push(`${n}. ${cite(hit.citation)} ${marked}${c('bold', markText(hit.answer, hit.answerMarks, style.color))}`);
    lines.push(`   ${c('dim', meta)}`);
    if (hit.glosses?.length) lines.push(`   ${c('dim', `${L.glosses}: ${glossText(hit.glosses)}`)}`);
    if (hit.text !== hit.answer) lines.push(`   ${hit.text}`);
  };
  const factLine = (f: Fact) =>
    `• ${cite(f.citation)} ${[f.zone, f.period].filter(Boolean).join(' ')} ${f.metric} ${c('bold', f.written)}  ${c('dim', f.text)}`;

  if (page.notice) lines.push(noticeText(L, page.notice));
  if (page.candidates?.length) lines.push(`${L.candidates} ${page.candidates.join('、')}`);
  if (page.zone) {
    const z = page.zone;
    lines.push(c('bold', z.name) + `  ${L.kind}: ${z.kind}`);
    lines.push(`${L.aliases}: ${z.aliases.join('、')}`);
    if (z.articles.length) lines.push(`${L.articles}:`, ...z.articles.map((a) => `  ${cite(a.citation)} ${a.title || c('dim', L.untitled)}${a.date ? ` (${a.date})` : ''}`));
    if (z.facts.length) lines.push(`${L.figures}:`, ...z.facts.map((f) => '  ' + factLine(f)));
    if (z.measures.length) lines.push(`${L.measures}: ${z.measures.map((m) => `${m.name}(${m.paragraphs})`).join('、')}`);
    lines.push('');
  }
  if (page.measure) {
    const m = page.measure;
    lines.push(c('bold', m.name) + `  ${L.variants}: ${m.variants.join('、')}`);
    lines.push(`${L.zones}: ${m.zones.join('、') || '—'} · ${m.paragraphs} ${L.paragraphs}`, '');
  }
  if (page.catalogue) {
    lines.push(c('bold', L.catalogue));
    for (const m of page.catalogue) lines.push(`• ${m.name}  ${L.zones}: ${m.zones.join('、') || '—'} · ${m.paragraphs} ${L.paragraphs}`);
  }
  if (page.corpus) {
    lines.push(c('bold', L.corpus));
    lines.push(...corpusLines(page.corpus, L).map((line) => `  ${line}`));
  }
  if (page.details) for (const d of page.details) lines.push(`${c('bold', d.label)}  ${d.value}`);
  if (page.facts) page.facts.forEach((f) => lines.push(factLine(f)));
  if (page.context?.before) lines.push(c('dim', `${L.before} ${page.context.before.citation}: ${page.context.before.text}`));
  page.hits.forEach((hit, i) => hitLines(hit, (page.page - 1) * page.pageSize + i + 1));
  if (page.context?.after) lines.push(c('dim', `${L.after} ${page.context.after.citation}: ${page.context.after.text}`));
  if (page.total > 0) lines.push(c('dim', L.page(page.page, page.pages, page.total)));
  return lines.join('\n');
}
