// A one-line progress bar on a terminal's stderr, redrawn at most ten times a second; on anything
// that is not a terminal it writes nothing at all.

export interface ProgressBar {
  update(done: number): void;
  /** Erases the bar, leaving the line as it was. */
  done(): void;
}

const WIDTH = 30;
const INTERVAL_MS = 100;

export function progressBar(stream: NodeJS.WriteStream, total: number, label: string, enabled: boolean): ProgressBar {
  if (!enabled || !stream.isTTY || total === 0) return { update() {}, done() {} };
  const started = Date.now();
  let last = 0;
  let drawn = false;
  const draw = (done: number) => {
    const filled = Math.round((done / total) * WIDTH);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    stream.write(`\r[${'#'.repeat(filled)}${'-'.repeat(WIDTH - filled)}] ${done}/${total} ${label} ${seconds}s`);
    drawn = true;
  };
  return {
    update(done) {
      const now = Date.now();
      if (now - last < INTERVAL_MS && done < total) return;
      last = now;
      draw(done);
    },
    done() {
      if (drawn) stream.write('\r\u001b[K');
    },
  };
}
