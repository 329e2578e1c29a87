/**
 * What a long build is doing: each stage with a running count and the time so far. On a terminal one line is
 * rewritten in place (at most ten times a second); in a log (CI) a stage prints a line at each quarter and when it
 * ends, so that thousands of reports never flood the log. Small builds (under `from` items) print nothing.
 */
export interface Progress {
  tick(done: number): void;
  end(note?: string): void;
}

const count = (n: number) => n.toLocaleString('en-US');

export function progress(label: string, total: number, options: { from?: number; out?: NodeJS.WriteStream; tty?: boolean } = {}): Progress {
  const out = options.out ?? process.stderr;
  const tty = options.tty ?? Boolean(out.isTTY);
  if (total < (options.from ?? 100)) return { tick() {}, end() {} };
  const started = performance.now();
  const seconds = () => ((performance.now() - started) / 1000).toFixed(1);
  let shown = 0;
  let quarter = 0;
  const line = (done: number) => `${label} ${count(done)}/${count(total)}（${seconds()} 秒）`;
  return {
    tick(done) {
      if (tty) {
        const now = performance.now();
        if (now - shown < 100 && done < total) return;
        shown = now;
        out.write(`\r${line(done)}\x1b[K`);
      } else {
        const q = Math.floor((done / total) * 4);
        if (q > quarter && done < total) {
          quarter = q;
          out.write(`${line(done)}\n`);
        }
      }
    },
    end(note) {
      out.write(`${tty ? '\r' : ''}${line(total)}${note ? `，${note}` : ''}${tty ? '\x1b[K' : ''}\n`);
    },
  };
}
