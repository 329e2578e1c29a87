/**
 * Runs a command and measures it as the benchmark reports it: wall time, and peak resident memory of the whole
 * process tree (a build is Node plus the Pagefind binary and esbuild's service, so one process's figure is not
 * enough). The command runs under GNU time -v, which gives the largest single process; /proc is sampled every
 * 50 ms for the sum over the tree.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';

const PAGE = 4096;
const TIME = '/usr/bin/time';

export interface Sample {
  /** Milliseconds since the command started. */
  t: number;
  /** Resident bytes summed over the process tree. */
  rss: number;
}

export interface Measured {
  code: number | null;
  wallMs: number;
  /** Peak of the sampled sum over the process tree. */
  treePeak: number;
  /** Largest single process (GNU time's 「Maximum resident set size」), bytes; null without /usr/bin/time. */
  processPeak: number | null;
  userS: number | null;
  sysS: number | null;
  samples: Sample[];
  output: string;
}

function procStat(pid: string): { ppid: number; rss: number } | null {
  try {
    const s = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which is in parentheses and may itself hold spaces or parentheses.
    const f = s.slice(s.lastIndexOf(')') + 2).split(' ');
    return { ppid: Number(f[1]), rss: Number(f[21]) * PAGE };
  } catch {
    return null;
  }
}

/** Resident bytes of a process and all its descendants. */
export function treeRss(root: number): number {
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const st = procStat(name);
    if (!st) continue;
    const pid = Number(name);
    rss.set(pid, st.rss);
    children.set(st.ppid, [...(children.get(st.ppid) ?? []), pid]);
  }
  let total = 0;
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop()!;
    total += rss.get(pid) ?? 0;
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}

export function run(cmd: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; echo?: boolean } = {}): Promise<Measured> {
  const timed = existsSync(TIME);
  const started = performance.now();
  const child = timed
    ? spawn(TIME, ['-v', cmd, ...args], { cwd: options.cwd, env: options.env })
    : spawn(cmd, args, { cwd: options.cwd, env: options.env });
  let output = '';
  const take = (d: Buffer) => {
    output += d;
    if (options.echo) process.stderr.write(d);
  };
  child.stdout.on('data', take);
  child.stderr.on('data', take);
  const samples: Sample[] = [];
  const sample = () => {
    if (child.pid) samples.push({ t: performance.now() - started, rss: treeRss(child.pid) });
  };
  const timer = setInterval(sample, 50);
  return new Promise((resolve) => {
    child.on('close', (code) => {
      clearInterval(timer);
      const wallMs = performance.now() - started;
      const num = (re: RegExp) => {
        const m = re.exec(output);
        return m ? Number(m[1]) : null;
      };
      const maxKb = num(/Maximum resident set size \(kbytes\): (\d+)/);
      resolve({
        code,
        wallMs,
        treePeak: Math.max(0, ...samples.map((s) => s.rss)),
        processPeak: maxKb === null ? null : maxKb * 1024,
        userS: num(/User time \(seconds\): ([\d.]+)/),
        sysS: num(/System time \(seconds\): ([\d.]+)/),
        samples,
        output,
      });
    });
  });
}

export interface StageTiming {
  stage: string;
  ms: number;
  /** Peak of the tree's resident memory while the stage ran (from the samples). */
  peak: number;
}

/**
 * Stage windows from the build's own timings (--timings FILE: consecutive stages, each with its duration). The time
 * before the first stage (loading Node and the build script) is put in front of them.
 */
export function stageWindows(m: Measured, stages: { stage: string; ms: number }[]): StageTiming[] {
  const sum = stages.reduce((n, s) => n + s.ms, 0);
  let from = Math.max(0, m.wallMs - sum);
  return stages.map((s) => {
    const to = from + s.ms;
    const inside = m.samples.filter((x) => x.t >= from && x.t <= to + 50).map((x) => x.rss);
    const w = { stage: s.stage, ms: s.ms, peak: Math.max(0, ...inside) };
    from = to;
    return w;
  });
}
