/**
 * Progress of a long build: a bar redrawn in place on a terminal, a line now and then otherwise (a log file
 * should not fill with carriage returns). Small corpora say nothing.
 */
export type Progress = (stage: string, done: number, total: number) => void;

const MIN_TOTAL = 2000;
const LINE_EVERY_MS = 5000;
const BAR = 30;

export function progressReporter(stream: NodeJS.WriteStream = process.stderr): Progress {
  let lastLine = 0;
  let lastStage = '';
  return (stage, done, total) => {
    if (total < MIN_TOTAL) return;
    const share = total ? done / total : 1;
    if (stream.isTTY) {
      const filled = Math.round(share * BAR);
      stream.write(`\r${stage.padEnd(10)} [${'#'.repeat(filled)}${'.'.repeat(BAR - filled)}] ${done}/${total}${done >= total ? '\n' : ''}`);
      return;
    }
    const now = Date.now();
    if (stage !== lastStage || done >= total || now - lastLine >= LINE_EVERY_MS) {
      stream.write(`${stage}: ${done}/${total} (${Math.round(share * 100)}%)\n`);
      lastLine = now;
      lastStage = stage;
    }
  };
}

/** Progress as log records, for the bot, whose stderr is a stream of JSON lines: one every few seconds. */
export function progressLog(log: (stage: string, done: number, total: number) => void): Progress {
  let last = 0;
  return (stage, done, total) => {
    if (total < MIN_TOTAL) return;
    const now = Date.now();
    if (done >= total || now - last >= LINE_EVERY_MS) {
      last = now;
      log(stage, done, total);
    }
  };
}
