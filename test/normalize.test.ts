import { describe, expect, it } from 'vitest';
import { normalizeForMatch, normalizeWithOffsets, splitSentences, stripPinyinAnnotations } from '../src/text/normalize.ts';
import { seedText } from './seeds.ts';

describe('stripPinyinAnnotations', () => {
  it('removes the annotations of seed 002 and nothing else', () => {
    const line = seedText('002').split('\n')[0]!;
    expect(line).toContain('濟(jì)南');
    const stripped = stripPinyinAnnotations(line);
    expect(stripped.startsWith('愛濟南客戶端將鏡頭聚焦一線,展現園區強化高效落實')).toBe(true);
    expect(stripped).not.toMatch(/\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)/u);
  });

  it('keeps real parentheses: captions, acronyms, names', () => {
    const caption = '历城举行生物医药产业推介暨项目集中签约活动。(李小梦 摄)';
    expect(stripPinyinAnnotations(caption)).toBe(caption);
    expect(stripPinyinAnnotations('采用EPC(EPC)形式')).toBe('采用EPC(EPC)形式');
    expect(stripPinyinAnnotations('中国(山东)自贸试验区')).toBe('中国(山东)自贸试验区');
  });

  it('leaves no annotation anywhere in seed 002', () => {
    expect(stripPinyinAnnotations(seedText('002'))).not.toMatch(/[\u4e00-\u9fff]\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,6}\)/u);
  });
});

describe('normalizeForMatch', () => {
  it('meets Traditional with Simplified, as in seed 002', () => {
    expect(normalizeForMatch('濟(jì)南新材料產(chǎn)業(yè)園區(qū)')).toBe('济南新材料产业园区');
    expect(normalizeForMatch('鋼城經濟開發區保姆式服務')).toBe('钢城经济开发区保姆式服务');
  });

  it('turns full-width digits and letters into ASCII and lower case', () => {
    expect(normalizeForMatch('签约额２２．１３亿元ＡＢＣ')).toBe('签约额22.13亿元abc');
  });

  it('drops zero-width and bidi characters', () => {
    expect(normalizeForMatch('济\u200b北\u202e开发区')).toBe('济北开发区');
  });

  it('is idempotent', () => {
    const once = normalizeForMatch(seedText('002').slice(0, 500));
    expect(normalizeForMatch(once)).toBe(once);
  });

  it('maps every normalized character back to the display text', () => {
    const display = '濟南新材料產業園區ＡＢ';
    const { text, offsets } = normalizeWithOffsets(display);
    expect(offsets).toHaveLength(text.length + 1);
    const at = text.indexOf('产业');
    expect(display.slice(offsets[at]!, offsets[at + 2]!)).toBe('產業');
  });
});

describe('splitSentences', () => {
  it('splits on Chinese and ASCII sentence ends and keeps closing quotes', () => {
    const text = '数据显示,1-10月,天桥区实际使用外资9046万美元;1-9月份,引进市外投资到位资金124.16亿元。“好”。他说:“行。”然后';
    expect(splitSentences(text)).toEqual([
      '数据显示,1-10月,天桥区实际使用外资9046万美元;',
      '1-9月份,引进市外投资到位资金124.16亿元。',
      '“好”。',
      '他说:“行。”',
      '然后',
    ]);
  });
});
