/**
 * The last line of defence of a serving process: an error that escapes everything else — discord.js failing on a
 * gateway payload it did not expect, say — is logged and the bot goes on serving, instead of Node ending the
 * process. Every interaction is handled on its own, so one that failed leaves nothing half-done for the next.
 */
import type { Logger } from '../log.ts';

/** Installs the process-level handlers; returns how to remove them. */
export function keepServing(log: Logger): () => void {
  const onRejection = (reason: unknown) => log.log('error', 'unhandled rejection; still serving', { error: reason });
  const onException = (error: Error) => log.log('error', 'uncaught exception; still serving', { error });
  process.on('unhandledRejection', onRejection);
  process.on('uncaughtException', onException);
  return () => {
    process.off('unhandledRejection', onRejection);
    process.off('uncaughtException', onException);
  };
}
