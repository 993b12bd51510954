/** What the console and the command line say in their own words, in the two languages the bot speaks. */
import type { Locale } from '../command.ts';

/** The values `--locale` takes; any region of these two languages is also taken (`en-GB`, `zh_TW`). */
export const LOCALES = ['zh', 'zh-CN', 'en', 'en-US'];

/** The locale a `--locale` value names, or undefined for a language the bot does not speak. */
export function localeOf(value: string): Locale | undefined {
  if (/^zh(?:[-_][a-z]+)?$/iu.test(value)) return 'zh-CN';
  if (/^en(?:[-_][a-z]+)?$/iu.test(value)) return 'en-US';
  return undefined;
}

/** The console's own commands, for /help beside the commands' list (which is in both languages too). */
export const CONSOLE_HELP = [
  { label: 'n / p', value: '下一页 / 上一页 — next / previous page' },
  { label: '/reload', value: '重新读取语料文件夹并重建索引 — re-read the corpus folder and re-index' },
  { label: '/follow zone|measure NAME', value: '重建索引后显示关于它的新段落（/unfollow、/following）— after a rebuild, show new passages about it' },
  { label: '/quit', value: '退出 — leave' },
];

const list = (names: string[]) => names.map((n) => (n.startsWith('/') ? n : `/${n}`)).join(' ');

export const MESSAGES = {
  'zh-CN': {
    greeting: (commands: string[]) => `输入问题或命令（${list(commands)}），n/p 翻页，/reload 重建索引，/quit 退出。`,
    watching: (dir: string) => `正在监视语料文件夹 ${dir}：新增或修改的文件会自动编入索引。`,
    unknownCommand: (name: string) => `未知命令 /${name}（unknown command）。输入 /help 查看所有命令。`,
    lastPage: '已是最后一页。',
    firstPage: '已是第一页。',
    askFirst: '先提一个问题。',
    reloading: '正在重建索引，期间照常回答……',
    rebuilt: (files: number, skipped: number, names: string[]) =>
      `索引已更新：${files} 个文件，跳过 ${skipped} 个${names.length ? `（${names.join('；')}）` : ''}。`,
    rebuildFailed: (error: string) => `索引重建失败，继续使用原来的索引：${error}`,
    watchFailed: (error: string) => `无法继续监视语料文件夹（${error}），可用 /reload 手动重建。`,
  },
  'en-US': {
    greeting: (commands: string[]) => `Type a question or a command (${list(commands)}), n/p to page, /reload to re-index, /quit to leave.`,
    watching: (dir: string) => `Watching the corpus folder ${dir}: files added or changed are indexed on their own.`,
    unknownCommand: (name: string) => `Unknown command /${name}. Type /help for the list of commands.`,
    lastPage: 'This is the last page.',
    firstPage: 'This is the first page.',
    askFirst: 'Ask a question first.',
    reloading: 'Rebuilding the index; answers keep coming from the current one meanwhile…',
    rebuilt: (files: number, skipped: number, names: string[]) =>
      `Index rebuilt: ${files} files, ${skipped} skipped${names.length ? ` (${names.join('; ')})` : ''}.`,
    rebuildFailed: (error: string) => `The rebuild failed; the index in service stays: ${error}`,
    watchFailed: (error: string) => `The corpus folder can no longer be watched (${error}); /reload rebuilds by hand.`,
  },
} satisfies Record<Locale, unknown>;

export type Messages = (typeof MESSAGES)['zh-CN'];

/** Messages for a locale as terminals write it (`en_US.UTF-8`); Chinese unless it is English. */
export function messagesFor(locale: string | undefined): Messages {
  return locale && /^en/iu.test(locale) ? MESSAGES['en-US'] : MESSAGES['zh-CN'];
}
