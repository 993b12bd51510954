/**
 * English for terms of the field that CC-CEDICT has no entry for, and that no two of its entries make up: what
 * zones, reforms and services are called in English-language government and news writing (营商 of 营商环境 is
 * doing business, 放管服 the reform of delegating power, streamlining administration and improving
 * services). Written for zonebot, in CC-CEDICT's entry form; it helps read English questions only and is never
 * shown as a gloss, which stays CC-CEDICT's.
 */
import type { Entry } from './dictionary.ts';

const TERMS: [simplified: string, meanings: string][] = [
  // jieba cuts 营商环境 into 营商 | 环境: the business environment is read through both.
  ['营商', 'doing business/business/commerce'],
  ['高新区', 'high-tech zone/high-tech park/high-tech industrial development zone'],
  ['高新技术产业开发区', 'high-tech industrial development zone/high-tech zone'],
  ['经开区', 'economic development zone/development zone'],
  ['经济技术开发区', 'economic and technological development zone/economic development zone'],
  ['自贸区', 'free trade zone'],
  ['自贸试验区', 'pilot free trade zone/free trade zone'],
  ['自由贸易试验区', 'pilot free trade zone/free trade zone'],
  ['综保区', 'comprehensive bonded zone/bonded zone'],
  ['保税港区', 'bonded port area/bonded port'],
  ['放管服', 'delegating power, streamlining administration and improving services/streamlining administration'],
  ['一次办成', 'done in one go/handled in one go'],
  ['一窗受理', 'single-window acceptance/single window'],
  ['容缺受理', 'acceptance with documents pending/missing documents'],
  ['容缺办理', 'processing with documents pending/missing documents'],
  ['告知承诺制', 'notification and commitment system/commitment system'],
  ['多证齐发', 'several licenses issued together/licenses issued at once'],
  ['多证合一', 'several certificates in one/certificates combined'],
  ['拿地即开工', 'construction starts as soon as land is acquired/start construction upon land acquisition'],
  ['帮包专员', 'assigned service commissioner/liaison commissioner'],
  ['帮办代办', 'assisted and proxy services/proxy service'],
  ['双招双引', 'attracting investment and talent'],
  ['一网通办', 'one-stop online service/online service'],
  ['企业开办', 'starting a business/business startup'],
  ['项目管家', 'project steward/project manager service'],
];

export const DOMAIN_ENTRIES: Entry[] = TERMS.map(([simplified, meanings]) => [simplified, simplified, '', meanings.split('/')]);
