import cliProgress from 'cli-progress';

/**
 * Runs `work` with a terminal progress bar that appears on its first progress report. The label is
 * padded to 8 characters, so the bars of one run ("Läser", then "Sparar") line up.
 */
export async function withProgress<T>(
  label: string,
  work: (onProgress: (done: number, total: number) => void) => Promise<T>,
): Promise<T> {
  const bar = new cliProgress.SingleBar(
    { format: `${label.padEnd(8)} [{bar}] {percentage}% | {value}/{total}`, hideCursor: true, clearOnComplete: false },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  try {
    return await work((done, total) => {
      if (!started) {
        bar.start(total, done);
        started = true;
      } else {
        // The total may grow as work is discovered (an import learns its row count while reading).
        bar.setTotal(total);
        bar.update(done);
      }
    });
  } finally {
    if (started) bar.stop();
  }
}
