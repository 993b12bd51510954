/**
 * Questions about who took a picture (那张照片是谁拍的, who took the photo of …). News pages credit a photo in its
 * caption, `(张群 摄)`: the caption is found by the question's other words, and the sentence holding the credit
 * answers, not the caption's description.
 */

/** Asked for the photographer: who shot it, or the photo's credit (English questions arrive read as 谁拍的). */
const ASKS_PHOTOGRAPHER =
  /谁拍|谁摄|谁照的|拍摄者|摄影师?(?:是谁|叫什么|是哪位)|哪位摄影|(?:照片|图片|相片)[^,，。?？]{0,8}(?:谁|哪位|出自)/u;

/** A photo credit: a name closing its line with 摄 (`(张群 摄)`, `记者 李明 摄`), or 摄影 before a name. */
const PHOTO_CREDIT = /\p{Script=Han}{2,4}\s*摄\s*[)）]?\s*$|摄影\s*[:：]\s*\p{Script=Han}{2,4}/u;

export function asksPhotographer(question: string): boolean {
  return ASKS_PHOTOGRAPHER.test(question);
}

/** 2 for a sentence holding a photo credit, else 0. */
export function photoCreditTier(sentence: string): number {
  return PHOTO_CREDIT.test(sentence.trim()) ? 2 : 0;
}
