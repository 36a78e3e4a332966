/**
 * The "Monte Carlo" strip of a plot: run button, cancel button, progress bar and status line. The
 * run goes through the shared `BrowserPool` (Web Workers running the library's kernels); the
 * library's own report functions drive it through the `JobRunner` shape (job, progress) → samples.
 */
import type { JobRunner } from '../../parallel/job.ts';
import { AbortError, type BrowserPool } from './browserPool.ts';
import type { MonteCarloJob, ProgressFn } from '../../parallel/job.ts';
import { ArgumentError } from '../../math/argumentError.ts';
import { messageOf } from '../state.ts';


export interface McRequest<T> {
  /** Shown while running, e.g. "20,000 geometries per N". */
  describe: string;
  /** The equivalent CLI command (shown after the run). */
  cli?: string;
  /** Runs the Monte Carlo with `run`, reporting overall progress in [0, 1]. */
  execute(run: JobRunner, progress: (fraction: number) => void): Promise<T>;
}

export class McControl<T> {
  readonly root: HTMLElement;
  private readonly runBtn: HTMLButtonElement;
  private readonly cancelBtn: HTMLButtonElement;
  private readonly bar: HTMLProgressElement;
  private readonly status: HTMLElement;
  private readonly cli: HTMLElement;

  constructor(
    private readonly pool: BrowserPool,
    id: string,
    label: string,
    private readonly build: () => McRequest<T> | string,
    private readonly done: (result: T) => void,
  ) {
    this.root = document.createElement('div');
    this.root.className = 'mc';
    this.root.id = `${id}-mc`;
    this.runBtn = document.createElement('button');
    this.runBtn.type = 'button';
    this.runBtn.className = 'primary';
    this.runBtn.textContent = label;
    this.runBtn.dataset.testid = `${id}-mc-run`;
    this.cancelBtn = document.createElement('button');
    this.cancelBtn.type = 'button';
    this.cancelBtn.textContent = 'Cancel';
    this.cancelBtn.disabled = true;
    this.cancelBtn.dataset.testid = `${id}-mc-cancel`;
    this.bar = document.createElement('progress');
    this.bar.max = 1;
    this.bar.value = 0;
    this.bar.setAttribute('aria-label', `${label}: progress`);
    this.status = document.createElement('span');
    this.status.className = 'mc-status';
    this.status.setAttribute('aria-live', 'polite');
    this.status.dataset.testid = `${id}-mc-status`;
    this.cli = document.createElement('code');
    this.cli.className = 'mc-cli';
    this.cli.hidden = true;
    this.root.append(this.runBtn, this.cancelBtn, this.bar, this.status, this.cli);
    this.runBtn.addEventListener('click', () => void this.run());
    this.cancelBtn.addEventListener('click', () => this.pool.cancel());
  }

  setStatus(text: string): void {
    this.status.textContent = text;
  }

  async run(): Promise<void> {
    if (this.pool.running) {
      this.status.textContent = 'another Monte Carlo run is in progress';
      return;
    }
    const req = this.build();
    if (typeof req === 'string') {
      this.status.textContent = req;
      return;
    }
    this.runBtn.disabled = true;
    this.cancelBtn.disabled = false;
    this.bar.value = 0;
    this.root.dataset.state = 'running';
    this.cli.hidden = true;
    this.status.textContent = `running ${req.describe} on ${this.pool.size} worker${this.pool.size > 1 ? 's' : ''}…`;
    const t0 = performance.now();
    try {
      const result = await req.execute(
        (job, onProgress) => this.pool.run(job, onProgress),
        (f) => {
          this.bar.value = f;
          this.status.textContent = `${Math.round(100 * f)}% of ${req.describe}`;
        },
      );
      const ms = performance.now() - t0;
      this.done(result);
      this.bar.value = 1;
      this.root.dataset.state = 'done';
      this.status.textContent = `done: ${req.describe} in ${(ms / 1000).toFixed(2)} s`;
      if (req.cli) {
        this.cli.textContent = `same numbers: ${req.cli}`;
        this.cli.hidden = false;
      }
    } catch (e) {
      if (e instanceof AbortError) {
        this.root.dataset.state = 'cancelled';
        this.status.textContent = 'cancelled';
        this.bar.value = 0;
      } else {
        this.root.dataset.state = 'error';
        this.status.textContent = e instanceof ArgumentError ? messageOf(e) : e instanceof Error ? e.message : String(e);
        console.warn(e);
      }
    } finally {
      this.runBtn.disabled = false;
      this.cancelBtn.disabled = true;
    }
  }
}
