/** Command-line options read with Node's parseArgs, its errors reworded: they name Node's error codes and syntax. */
import { parseArgs, type ParseArgsConfig } from 'node:util';

/** A mistake in how zonebot was called: exit code 2, the message on stderr. */
export class UsageError extends Error {}

export function readArgs<const O extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: O) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (err) {
    throw new UsageError(usageMessage(err));
  }
}

function usageMessage(err: unknown): string {
  const code = typeof err === 'object' && err !== null && 'code' in err ? (err as { code: unknown }).code : undefined;
  const message = err instanceof Error ? err.message : String(err);
  // Node quotes the option first in each of its messages: '--foo', '--page <value>'.
  const option = /'(-{1,2}[^'\s]+)/u.exec(message)?.[1] ?? 'an option';
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `unknown option ${option}`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    return /does not take/u.test(message) ? `${option} takes no value` : `${option} needs a value`;
  }
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') return 'unexpected text after the options';
  return message;
}
