/**
 * A result page as a Discord message: one embed (title, the answer in bold with matched terms underlined, a
 * field per cited excerpt, the page footer), paging and share buttons, and allowed mentions that ping nobody.
 * Corpus text and echoed queries are escaped before any markup is added, and every Discord limit is kept by
 * cutting on code points with an ellipsis.
 */
import {
  ButtonStyle,
  ComponentType,
  escapeMarkdown,
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIEmbed,
  type APIEmbedField,
} from 'discord.js';
import type { Hit, Marks, ResultPage } from '../page.ts';
import { corpusLines, glossText, labelsFor, noticeText, passageMarks } from '../render/labels.ts';
import { encodeCustomId, isButtonCommand, type ButtonState } from './custom-id.ts';
import { footerText } from './query-line.ts';
import { wholeWordMarks } from './word-marks.ts';

export const LIMITS = { title: 256, description: 4096, fieldName: 256, fieldValue: 1024, fields: 25, footer: 2048, total: 6000, label: 80 };
const EMBED_COLOR = 0x2f7d6d;

export interface DiscordMessage {
  content?: string;
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIButtonComponent>[];
  allowedMentions: { parse: [] };
}

export interface RenderOptions {
  locale?: string | undefined;
  /** The user who ran the command: the owner in every button's state. */
  owner: string;
  ephemeral: boolean;
  /** For a message shared to the channel: who shared it (named, never pinged). */
  sharedBy?: string;
  /** A single shared excerpt: no page line, which would describe the result it was taken from. */
  excerpt?: boolean;
  /** The deployment's custom_id signing key; without it no button is drawn. */
  key?: string;
}

/** Cuts `text` to at most `max` UTF-16 units on a code-point boundary, ending with `…` when cut. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let out = '';
  for (const ch of text) {
    if (out.length + ch.length > max - 1) break;
    out += ch;
  }
  return out + '…';
}

/** Makes text inert: no markdown, no mention of anyone or any role or channel. */
export function escapeText(text: string): string {
  return escapeMarkdown(text)
    .replace(/@(everyone|here)/giu, '@\u200b$1')
    .replace(/<(@[!&]?|#)/gu, '<\u200b$1');
}

const isLowSurrogate = (text: string, i: number) => /[\udc00-\udfff]/u.test(text[i] ?? '') && /[\ud800-\udbff]/u.test(text[i - 1] ?? '');
/** Moves an offset that falls inside a surrogate pair to the pair's start. */
const codePointStart = (text: string, i: number) => (isLowSurrogate(text, i) ? i - 1 : i);

/** The text with its marked ranges underlined as whole words, every piece escaped first. */
export function markForDiscord(text: string, marks: Marks): string {
  let out = '';
  let at = 0;
  for (const [rawStart, rawEnd] of wholeWordMarks(text, marks)) {
    const start = codePointStart(text, rawStart);
    const end = isLowSurrogate(text, rawEnd) ? rawEnd + 1 : rawEnd;
    if (start < at || end > text.length) continue;
    out += escapeText(text.slice(at, start)) + '__' + escapeText(text.slice(start, end)) + '__';
    at = end;
  }
  return out + escapeText(text.slice(at));
}

/** Length of an embed as Discord counts it toward the 6000 limit. */
export function embedLength(embed: APIEmbed): number {
  return (
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.footer?.text.length ?? 0) +
    (embed.author?.name.length ?? 0) +
    (embed.fields ?? []).reduce((sum, f) => sum + f.name.length + f.value.length, 0)
  );
}

function field(name: string, value: string): APIEmbedField {
  return { name: truncate(name || '—', LIMITS.fieldName), value: truncate(value || '—', LIMITS.fieldValue) };
}

/** What a reader must know of a passage before its answer (`passageMarks`), in italics. */
const passageMark = (hit: Hit, L: ReturnType<typeof labelsFor>) => {
  const marks = passageMarks(hit, L);
  return marks.length ? `*${escapeText(marks.join(' '))}*` : '';
};

/**
 * An excerpt: its paragraph once, with the answering sentence in bold and the matched terms in it underlined. Where
 * the sentence is not found verbatim in the paragraph, the sentence comes first and the paragraph after it. A
 * passage that is not about the place asked for says so first; an English question's glosses come before the
 * paragraph, so that a long passage is cut rather than them.
 */
function hitField(hit: Hit, L: ReturnType<typeof labelsFor>): APIEmbedField {
  const meta = [hit.date, hit.source].filter(Boolean).join(' · ');
  const name = `[${hit.citation}]${hit.title ? ` ${hit.title}` : ''}${meta ? ` · ${meta}` : ''}`;
  const at = hit.answer ? hit.text.indexOf(hit.answer) : -1;
  const answer = hit.answer ? `**${markForDiscord(hit.answer, hit.answerMarks)}**` : '';
  const quoted =
    at >= 0
      ? escapeText(hit.text.slice(0, at)) + answer + escapeText(hit.text.slice(at + hit.answer.length))
      : [answer, hit.text ? `> ${escapeText(hit.text)}` : ''].filter(Boolean).join('\n');
  const glosses = hit.glosses?.length ? `*${escapeText(`${L.glosses}: ${glossText(hit.glosses)}`)}*` : '';
  const value = [passageMark(hit, L), glosses, quoted].filter(Boolean).join('\n');
  return field(escapeText(name), value);
}


function describe(page: ResultPage, L: ReturnType<typeof labelsFor>): { description: string[]; fields: APIEmbedField[] } {
  const description: string[] = [];
  const fields: APIEmbedField[] = [];
  if (page.notice) description.push(noticeText(L, page.notice, escapeText));
  if (page.candidates?.length) description.push(`${L.candidates} ${page.candidates.map(escapeText).join('、')}`);
  const top = page.hits[0];
  if (top && page.command !== 'source') description.push(`${passageMark(top, L)}**${markForDiscord(top.answer, top.answerMarks)}** [${top.citation}]`);
  if (page.zone) {
    const z = page.zone;
    description.push(`**${escapeText(z.name)}** · ${L.kind}: ${escapeText(z.kind)}`, `${L.aliases}: ${z.aliases.map(escapeText).join('、')}`);
    if (z.articles.length) fields.push(field(L.articles, z.articles.map((a) => `[${a.citation}] ${a.title ? escapeText(a.title) : `*${L.untitled}*`}${a.date ? ` (${a.date})` : ''}`).join('\n')));
    if (z.facts.length) fields.push(field(L.figures, z.facts.map((f) => `[${f.citation}] ${escapeText(f.metric)} **${escapeText(f.written)}**${f.period ? ` (${escapeText(f.period)})` : ''}`).join('\n')));
    if (z.measures.length) fields.push(field(L.measures, z.measures.map((m) => `${escapeText(m.name)}(${m.paragraphs})`).join('、')));
  }
  if (page.measure) {
    const m = page.measure;
    description.push(`**${escapeText(m.name)}** · ${L.variants}: ${m.variants.map(escapeText).join('、')}`, `${L.zones}: ${m.zones.map(escapeText).join('、') || '—'} · ${m.paragraphs} ${L.paragraphs}`);
  }
  if (page.catalogue) {
    description.push(`**${L.catalogue}**`, ...page.catalogue.map((m) => `• ${escapeText(m.name)} — ${L.zones}: ${m.zones.map(escapeText).join('、') || '—'} · ${m.paragraphs} ${L.paragraphs}`));
  }
  if (page.corpus) {
    description.push(`**${L.corpus}**`);
    description.push(...corpusLines(page.corpus, L));
  }
  if (page.details) description.push(...page.details.map((d) => `**${escapeText(d.label)}** ${escapeText(d.value)}`));
  for (const f of page.facts ?? []) {
    const name = `[${f.citation}] ${[f.zone, f.period].filter(Boolean).join(' ')} ${f.metric} ${f.written}`;
    fields.push(field(escapeText(name), escapeText(f.text)));
  }
  if (page.context?.before) fields.push(field(`${L.before} [${page.context.before.citation}]`, escapeText(page.context.before.text)));
  page.hits.forEach((hit) => fields.push(page.command === 'source' ? field(escapeText(`[${hit.citation}]${hit.title ? ` ${hit.title}` : ''}${hit.date ? ` · ${hit.date}` : ''}${hit.source ? ` · ${hit.source}` : ''}`), escapeText(hit.text)) : hitField(hit, L)));
  if (page.context?.after) fields.push(field(`${L.after} [${page.context.after.citation}]`, escapeText(page.context.after.text)));
  return { description, fields };
}

/** Drops fields from the end, then shortens the description, until the embed fits Discord's total. */
function fitTotal(embed: APIEmbed): APIEmbed {
  const fields = [...(embed.fields ?? [])].slice(0, LIMITS.fields);
  const fitted = { ...embed, fields };
  while (embedLength(fitted) > LIMITS.total && fields.length > 1) fields.pop();
  const excess = embedLength(fitted) - LIMITS.total;
  if (excess > 0 && fitted.description) fitted.description = truncate(fitted.description, Math.max(1, fitted.description.length - excess));
  if (embedLength(fitted) > LIMITS.total && fields.length) {
    const last = fields[fields.length - 1]!;
    fields[fields.length - 1] = { ...last, value: truncate(last.value, Math.max(1, last.value.length - (embedLength(fitted) - LIMITS.total))) };
  }
  return fitted;
}

function buttons(page: ResultPage, query: string, footer: string | undefined, options: RenderOptions, L: ReturnType<typeof labelsFor>): APIActionRowComponent<APIButtonComponent>[] {
  const command = page.command;
  const key = options.key;
  // A click reads the query back from the footer: without a key, or when the footer could not hold it whole, a
  // button could only answer "expired", so none is drawn.
  if (!key || !isButtonCommand(command) || footer === undefined || footer.length > LIMITS.footer) return [];
  const state = (over: Partial<ButtonState>): string =>
    encodeCustomId({ action: 'page', command, page: page.page, owner: options.owner, ...over }, query, key);
  const row: APIButtonComponent[] = [];
  if (page.pages > 1) {
    // Each button has its own slot (item) so that two buttons never share a custom_id.
    const go = (label: string, target: number, slot: number, disabled: boolean): APIButtonComponent => ({
      type: ComponentType.Button,
      style: ButtonStyle.Secondary,
      label,
      custom_id: state({ page: Math.min(Math.max(target, 1), page.pages), item: slot }),
      disabled,
    });
    const many = page.pages > 3;
    if (many) row.push(go('⏮', 1, 0, page.page === 1));
    row.push(go('◀', page.page - 1, 1, page.page === 1), go('▶', page.page + 1, 2, page.page === page.pages));
    if (many) row.push(go('⏭', page.pages, 3, page.page === page.pages));
  }
  const shareable = options.ephemeral && (page.hits.length > 0 || (page.facts?.length ?? 0) > 0);
  if (shareable) {
    row.push({ type: ComponentType.Button, style: ButtonStyle.Primary, label: truncate(L.share, LIMITS.label), custom_id: state({ action: 'share' }) });
  }
  const rows: APIActionRowComponent<APIButtonComponent>[] = row.length ? [{ type: ComponentType.ActionRow, components: row }] : [];
  // One button per excerpt, to share just that one (a row holds five, as a page does).
  if (shareable && page.hits.length > 1) {
    rows.push({
      type: ComponentType.ActionRow,
      components: page.hits.slice(0, 5).map((hit, item) => ({
        type: ComponentType.Button,
        style: ButtonStyle.Secondary,
        label: truncate(`${L.shareOne} ${hit.citation}`, LIMITS.label),
        custom_id: state({ action: 'share', item }),
      })),
    });
  }
  return rows;
}

export function renderDiscord(page: ResultPage, options: RenderOptions): DiscordMessage {
  const L = labelsFor(options.locale);
  const { description, fields } = describe(page, L);
  const query = page.query.trim();
  const pageLine = options.excerpt ? undefined : L.page(page.page, page.pages, page.total);
  const footer = page.total > 0 ? footerText(pageLine, page.command, query) : undefined;
  const embed: APIEmbed = {
    color: EMBED_COLOR,
    title: truncate(escapeText(`/${page.command}${query ? ' ' + query : ''}`), LIMITS.title),
    ...(description.length ? { description: truncate(description.join('\n'), LIMITS.description) } : {}),
    fields,
    ...(footer ? { footer: { text: truncate(footer, LIMITS.footer) } } : {}),
  };
  // Nobody is ever pinged, not even the sharer named in a shared message.
  const message: DiscordMessage = {
    embeds: [fitTotal(embed)],
    components: options.sharedBy ? [] : buttons(page, query, footer, options, L),
    allowedMentions: { parse: [] },
  };
  if (options.sharedBy) message.content = L.sharedBy(`<@${options.sharedBy}>`);
  return message;
}
