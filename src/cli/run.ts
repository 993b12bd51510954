/** Running a command from typed text — shared by the console, the command line and batch mode. */
import { commands, findCommand } from '../../commands/index.ts';
import { execute } from '../command.ts';
import type { ResultPage } from '../page.ts';
import type { CommandContext } from '../results.ts';

export const COMMAND_NAMES = commands.map((c) => c.definition.name);

/** Whether `name` is one of the commands (by any of its localized names) or `help`. */
export function isCommandName(name: string): boolean {
  return name.toLowerCase() === 'help' || findCommand(name) !== undefined;
}

/**
 * Runs `name` with `text` as its free-text option (a question, a name, a citation). Unknown commands and bad
 * text come back as pages with a notice; nothing here throws for user input.
 */
export function runCommand(context: CommandContext, name: string, text: string, page = 1): ResultPage {
  const module = findCommand(name);
  if (!module) return helpPage(name);
  const textOption = module.definition.textOption;
  const options: Record<string, unknown> = { page };
  // Empty text leaves an optional option out (measure's catalogue); a required one gets it, to be refused clearly.
  const required = module.definition.options.find((o) => o.name === textOption)?.required;
  if (textOption && (text.trim() || required)) options[textOption] = text;
  return execute(module, context, options);
}

/** The list of commands, as a page, for `/help` and for an unknown command. */
export function helpPage(query = ''): ResultPage {
  return {
    command: 'help',
    query,
    page: 1,
    pages: 1,
    total: commands.length,
    pageSize: commands.length,
    hits: [],
    details: commands.map((c) => ({
      label: `/${c.definition.name}${c.definition.textOption ? ` <${c.definition.textOption}>` : ''}`,
      value: `${c.definition.description['zh-CN']} — ${c.definition.description['en-US']}`,
    })),
  };
}
