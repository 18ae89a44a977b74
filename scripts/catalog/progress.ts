/**
 * Progress of a long catalog run on stderr: a cli-progress bar on a terminal, a plain line every
 * few seconds otherwise (CI logs, a file), so redirected output stays readable.
 */
import cliProgress from 'cli-progress';

export interface Progress {
  /** `value` of `total` done; `fields` fill the bar's placeholders (`{rows}`, `{rate}`). */
  update(value: number, fields: Record<string, string | number>): void;
  stop(): void;
}

export interface ProgressOptions {
  /** What is counted, for the plain lines ("import", "seed: writing"). */
  label: string;
  total: number;
  /** The text after `{bar} {percentage}%` (an ETA follows on a TTY), `{field}` placeholders. */
  format: string;
  stream?: NodeJS.WriteStream;
  /** The placeholders' values until the first update. */
  initial: Record<string, string | number>;
  /** Seconds between plain lines (default 5). */
  every?: number;
}

/** A bar on a TTY, plain lines elsewhere. */
export function startProgress(options: ProgressOptions): Progress {
  const stream = options.stream ?? process.stderr;
  if (stream.isTTY) {
    const bar = new cliProgress.SingleBar(
      {
        stream,
        format: `${options.label} {bar} {percentage}% | ${options.format} | ETA {eta_formatted}`,
        hideCursor: true,
        etaBuffer: 50,
      },
      cliProgress.Presets.shades_classic,
    );
    bar.start(Math.max(options.total, 1), 0, options.initial);
    return {
      update: (value, fields) => bar.update(value, fields),
      stop: () => bar.stop(),
    };
  }
  const every = (options.every ?? 5) * 1000;
  let last = 0;
  let latest: { value: number; fields: Record<string, string | number> } | null = null;
  const print = () => {
    if (!latest) return;
    const percent = options.total > 0 ? Math.floor((latest.value / options.total) * 100) : 100;
    const fields = latest.fields;
    const text = options.format.replace(/\{(\w+)\}/g, (_, name: string) =>
      String(fields[name] ?? ''),
    );
    stream.write(`${options.label} ${percent}% | ${text}\n`);
  };
  return {
    update: (value, fields) => {
      latest = { value, fields };
      const now = performance.now();
      if (now - last >= every) {
        last = now;
        print();
      }
    },
    stop: () => undefined,
  };
}
