/** The command modules, in the order help lists them. */
import type { CommandModule } from '../src/command.ts';
import { ask } from './ask.ts';
import { measure } from './measure.ts';
import { source } from './source.ts';
import { stats } from './stats.ts';
import { zone } from './zone.ts';

export const commands: CommandModule[] = [ask, zone, measure, stats, source] as CommandModule[];

export function findCommand(name: string): CommandModule | undefined {
  const wanted = name.toLowerCase();
  return commands.find((c) => c.definition.name === wanted || Object.values(c.definition.names).includes(name));
}
