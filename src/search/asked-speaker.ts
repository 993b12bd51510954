/**
 * Who said a quoted line (说“不仅省时还省钱”的是谁): news writes the quote as a sentence of its own and names the
 * speaker in the sentence after it (…负责人纷纷表示) or before it (潘禄说：). The quote is found by the question's
 * words; the sentence beside it that holds a verb of speech answers.
 */

/** A sentence that is a quotation and nothing else. */
const QUOTE_ONLY = /^[“"「][^“”"「」]*[”"」]$/u;
/** A verb of speech, as an attribution after a quote writes it. */
const SPEECH_AFTER = /表示|说|称|介绍|坦言|感慨|赞叹|指出|强调|告诉/u;
/** An attribution before a quote: it ends with its verb of speech and a colon. */
const SPEECH_BEFORE = /(?:表示|说|称|介绍|坦言|感慨|赞叹|指出|强调|告诉记者)[:：]$/u;

/** The sentence naming who said quotation `at`, if the sentence is one and its neighbour names a speaker. */
export function speakerOfQuote(sentences: { display: string }[], at: number): number | undefined {
  if (!QUOTE_ONLY.test(sentences[at]!.display.trim())) return undefined;
  // Quotes run on (“…。”“…。”): the attribution follows the last of them.
  let after = at + 1;
  while (after < sentences.length && QUOTE_ONLY.test(sentences[after]!.display.trim())) after++;
  if (after < sentences.length && SPEECH_AFTER.test(sentences[after]!.display)) return after;
  let before = at - 1;
  while (before >= 0 && QUOTE_ONLY.test(sentences[before]!.display.trim())) before--;
  if (before >= 0 && SPEECH_BEFORE.test(sentences[before]!.display.trim())) return before;
  return undefined;
}
