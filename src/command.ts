/**
 * What a command module is: a transport-neutral definition (Discord registers it, the console lists it), a zod
 * schema for its options, and a pure handler from validated options to a result page.
 */
import type { z } from 'zod';
import type { ResultPage } from './page.ts';
import { invalidOptions, type CommandContext } from './results.ts';

export type Locale = 'zh-CN' | 'en-US';
export type Localized = Record<Locale, string>;

export interface OptionDefinition {
  /** The option's name in English (Discord's default name); `names` localizes it. */
  name: string;
  names: Localized;
  description: Localized;
  type: 'string' | 'integer' | 'boolean';
  required?: boolean;
  maxLength?: number;
  minValue?: number;
  autocomplete?: boolean;
}

export interface CommandDefinition {
  name: ResultPage['command'];
  names: Localized;
  description: Localized;
  options: OptionDefinition[];
  /** The option that free text typed after the command fills in the console and the command line. */
  textOption?: string;
}

export interface CommandModule<S extends z.ZodType = z.ZodType> {
  definition: CommandDefinition;
  schema: S;
  run(context: CommandContext, options: z.output<S>): ResultPage;
}

/** Validates raw options and runs the handler; bad options become a page with a notice, never a throw. */
export function execute(module: CommandModule, context: CommandContext, raw: Record<string, unknown>): ResultPage {
  const parsed = module.schema.safeParse(raw);
  if (!parsed.success) {
    const textOption = module.definition.textOption;
    const echoed = textOption && typeof raw[textOption] === 'string' ? (raw[textOption] as string) : '';
    return invalidOptions(module.definition.name, echoed, parsed.error);
  }
  return module.run(context, parsed.data);
}
