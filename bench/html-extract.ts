/**
 * Web pages extracted per second: decoding, Readability over linkedom and the layout as text lines, as
 * `decodeCorpusBytes` does it for every `.html` file of the corpus. Pages: the test pages (small, 1–4 kB) and a
 * heavy one made from the government portal page the way real portals are heavy (a large menu, inline scripts,
 * long related lists: 65 kB). Run: `tsx bench/html-extract.ts [seconds per page, default 2]`. Prints one
 * JSON line per page. Never a pass/fail test.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import { decodeCorpusBytes, isSkipped } from '../src/corpus/read.ts';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'test', 'fixtures', 'html');
const seconds = Number(process.argv[2] ?? 2);
const text = (name: string) => readFileSync(path.join(FIXTURES, name), 'utf8');

/** The portal page with what makes real ones heavy: hundreds of menu links, inline scripts, long lists. */
function heavyPortal(): string {
  const links = Array.from({ length: 300 }, (_, i) => `<li><a href="/c/${i}.html">栏目${i}</a></li>`).join('');
  const script = `<script>var config${'x'.repeat(10)} = ${JSON.stringify(Array.from({ length: 200 }, (_, i) => ({ id: i, name: `item${i}` })))};</script>`;
  const related = Array.from({ length: 60 }, (_, i) => `<li><a href="/n/${i}.html">开发区第${i}条相关新闻标题</a><span>2024-04-${(i % 28) + 1}</span></li>`).join('');
  return text('gov-portal.html')
    .replace('<div class="left_menu">', `<div class="left_menu"><ul>${links}</ul>`)
    .replace('</head>', `${script.repeat(8)}</head>`)
    .replace('<div class="footer">', `<div class="list"><ul>${related}</ul></div><div class="footer">`);
}

const pages: [string, Buffer][] = [
  ['gov-portal.html', Buffer.from(text('gov-portal.html'))],
  ['news-site.html', Buffer.from(text('news-site.html'))],
  ['gbk-page.html (GBK)', iconv.encode(text('gbk-page.html'), 'gbk')],
  ['traditional-big5.html (Big5)', iconv.encode(text('traditional-big5.html'), 'big5')],
  ['old-table-page.html (GB2312)', iconv.encode(text('old-table-page.html'), 'gbk')],
  ['heavy portal page', Buffer.from(heavyPortal())],
];

for (const [name, bytes] of pages) {
  const first = decodeCorpusBytes('page.html', bytes);
  if (isSkipped(first)) throw new Error(`${name}: ${first.reason}`);
  let count = 0;
  const started = performance.now();
  while (performance.now() - started < seconds * 1000) {
    decodeCorpusBytes('page.html', bytes);
    count++;
  }
  const ms = performance.now() - started;
  console.log(JSON.stringify({ page: name, kB: Math.round(bytes.length / 1024), pagesPerSecond: Math.round((count / ms) * 1000), msPerPage: +(ms / count).toFixed(2) }));
}
