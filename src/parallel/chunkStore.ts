/**
 * A result store on disk for chunk results (Node-only, domain-free): a folder with `meta.json` (who
 * wrote it and for which spec) and `chunks.jsonl`, one line `{"k": sha256(key), "r": result}` per
 * finished chunk, appended as soon as the chunk is done. A run killed at any moment (Ctrl-C, kill -9)
 * loses at most the line being written: a torn last line is cut off when the store is opened again,
 * and every complete line is reused, so a rerun recomputes no stored chunk.
 *
 * The store refuses to open when its `meta.json` names another format version or another spec hash
 * (an `ArgumentError` on `store`): results of different runs are never mixed.
 */
import { createHash } from 'node:crypto';
import { closeSync, existsSync, ftruncateSync, mkdirSync, openSync, readFileSync, renameSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { ArgumentError } from '../math/argumentError.ts';

/** What a store records about its writer; a store opens only for the same values. */
export interface ChunkStoreMeta {
  tool: string;
  /** Format version of the stored results. */
  format: number;
  /** Hash of the run's spec (what the results belong to). */
  specHash: string;
  /** Free-form description kept for people (not compared). */
  description?: unknown;
}

const META = 'meta.json';
const CHUNKS = 'chunks.jsonl';

function sha256(s: string): string {
  return createHash('sha256').update(s).digest('hex');
}

/** A store of JSON chunk results keyed by strings (hashed with SHA-256). */
export class FileChunkStore<T> {
  private readonly map = new Map<string, T>();
  private fd: number | null = null;
  /** Results read from disk when the store was opened. */
  readonly loaded: number;

  private constructor(
    readonly dir: string,
    loaded: Array<[string, T]>,
  ) {
    for (const [k, r] of loaded) this.map.set(k, r);
    this.loaded = this.map.size;
  }

  /** Read the store's meta.json, if any (undefined for a new or absent store). */
  static readMeta(dir: string): ChunkStoreMeta | undefined {
    const file = path.join(dir, META);
    if (!existsSync(file)) return undefined;
    try {
      return JSON.parse(readFileSync(file, 'utf8')) as ChunkStoreMeta;
    } catch (e) {
      throw new ArgumentError('store', dir, `a result store with a readable ${META}`, `(${(e as Error).message})`);
    }
  }

  /**
   * Check that the store at `dir` (if it exists) was written for `meta`; throws an ArgumentError on
   * `store` otherwise. Reads nothing else and writes nothing.
   */
  static check(dir: string, meta: ChunkStoreMeta): void {
    const old = FileChunkStore.readMeta(dir);
    if (!old) {
      if (existsSync(path.join(dir, CHUNKS))) throw new ArgumentError('store', dir, `a result store with its ${META}`);
      return;
    }
    if (old.tool !== meta.tool || old.format !== meta.format) {
      throw new ArgumentError('store', dir, `a store of ${meta.tool} format ${meta.format} (this one was written by ${String(old.tool)} format ${String(old.format)}); use another store folder or delete it`);
    }
    if (old.specHash !== meta.specHash) {
      throw new ArgumentError('store', dir, `the store of this run's spec (hash ${meta.specHash.slice(0, 12)}…; this one holds the chunks of spec ${String(old.specHash).slice(0, 12)}…); use another store folder or delete it`);
    }
  }

  /** Open (or create) the store at `dir` for `meta` (see `check`), loading every complete line. */
  static open<T>(dir: string, meta: ChunkStoreMeta): FileChunkStore<T> {
    FileChunkStore.check(dir, meta);
    mkdirSync(dir, { recursive: true });
    const metaFile = path.join(dir, META);
    if (!existsSync(metaFile)) {
      const tmp = path.join(dir, `.tmp-${process.pid}-${META}`);
      writeFileSync(tmp, JSON.stringify(meta, null, 2) + '\n');
      renameSync(tmp, metaFile);
    }
    const file = path.join(dir, CHUNKS);
    const loaded: Array<[string, T]> = [];
    let keep = 0;
    if (existsSync(file)) {
      const text = readFileSync(file, 'utf8');
      let at = 0;
      while (at < text.length) {
        const nl = text.indexOf('\n', at);
        if (nl < 0) break; // a torn last line (killed while writing): dropped below
        try {
          const o = JSON.parse(text.slice(at, nl)) as { k: string; r: T };
          loaded.push([o.k, o.r]);
        } catch {
          break; // unreadable from here on: recompute those chunks
        }
        at = nl + 1;
        keep = Buffer.byteLength(text.slice(0, at));
      }
    }
    const store = new FileChunkStore<T>(dir, loaded);
    store.fd = openSync(file, 'a+');
    ftruncateSync(store.fd, keep);
    return store;
  }

  get(key: string): T | undefined {
    return this.map.get(sha256(key));
  }

  /** Record a result (appended to disk at once). */
  put(key: string, result: T): void {
    const k = sha256(key);
    if (this.map.has(k)) return;
    this.map.set(k, result);
    if (this.fd === null) throw new Error('the chunk store is closed');
    writeSync(this.fd, JSON.stringify({ k, r: result }) + '\n');
  }

  get size(): number {
    return this.map.size;
  }

  close(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }
}
