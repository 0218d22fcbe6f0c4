/** A console progress bar that appears only when the work takes longer than a second. */
export function createProgressBar(label: string, stream: NodeJS.WriteStream = process.stderr) {
  const started = Date.now();
  let shown = false;
  return {
    update(done: number, total: number): void {
      if (Date.now() - started < 1000 || !stream.isTTY) return;
      shown = true;
      const width = 30;
      const filled = Math.round((done / Math.max(1, total)) * width);
      stream.write(`\r[ingest] ${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`);
    },
    finish(): void {
      if (shown) stream.write('\n');
    },
  };
}
