/**
 * The snapshot folder (`CACHE_DIR`): made before a build needs it, with a clear error where it cannot be, and
 * pruned to the snapshots used last, since every corpus change and every pipeline change writes a new one.
 */
import { mkdir, readdir, rm, stat, utimes } from 'node:fs/promises';
import path from 'node:path';
import { errnoCode, plainFsReason } from '../util/fs-errors.ts';

/** Snapshots kept per cache folder: the one in service and a couple to go back to without a rebuild. */
export const SNAPSHOTS_KEPT = 3;
/** A temporary file this old is left from a crashed write; a write takes seconds. */
const STALE_TMP_MS = 24 * 60 * 60 * 1000;
const SNAPSHOT_NAME = /^snapshot-[0-9a-f]{32}\.zbs$/u;
const TMP_NAME = /^snapshot-[0-9a-f]{32}\.zbs\.\d+\.tmp$/u;

export class CacheFolderError extends Error {}

const WHAT_TO_DO = 'Set CACHE_DIR to a folder zonebot may write, or run with --no-snapshot.';

/**
 * Makes `dir` and its missing parents, one level at a time: Node's recursive mkdir loops forever where a parent
 * exists but refuses new entries (anything under /proc), so it is never asked to.
 */
export async function prepareCacheFolder(dir: string): Promise<void> {
  const missing: string[] = [];
  for (let at = path.resolve(dir); ; at = path.dirname(at)) {
    const info = await stat(at).catch((err: unknown) => {
      // ENOTDIR: a parent is a file, which the walk up reaches and names.
      if (errnoCode(err) !== 'ENOENT' && errnoCode(err) !== 'ENOTDIR') throw cacheError(dir, err);
      return undefined;
    });
    if (info?.isDirectory()) break;
    if (info) throw new CacheFolderError(`cannot use the cache folder ${dir}: ${at} is a file, not a folder. ${WHAT_TO_DO}`);
    if (at === path.dirname(at)) break;
    missing.unshift(at);
  }
  for (const folder of missing) {
    await mkdir(folder).catch((err: unknown) => {
      if (errnoCode(err) !== 'EEXIST') throw cacheError(dir, err);
    });
  }
}

function cacheError(dir: string, err: unknown): CacheFolderError {
  // ENOENT from mkdir under an existing parent: the parent takes no new folders.
  const reason = errnoCode(err) === 'ENOENT' ? 'its parent folder does not accept new folders' : plainFsReason(err);
  return new CacheFolderError(`cannot create the cache folder ${dir}: ${reason}. ${WHAT_TO_DO}`);
}

/** Marks a snapshot as just used, so that pruning counts it among the newest. A read-only folder keeps the old time. */
export async function touchSnapshot(file: string): Promise<void> {
  const now = new Date();
  await utimes(file, now, now).catch(() => undefined);
}

/**
 * Deletes all but the `keep` most recently used snapshots of `dir`, never `inUse`, and temporary files left by
 * crashed writes. Only zonebot's own file names are touched; a file that cannot be deleted stays.
 */
export async function pruneSnapshots(dir: string, inUse: string, keep = SNAPSHOTS_KEPT): Promise<string[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const now = Date.now();
  const aged = await Promise.all(
    names
      .filter((n) => SNAPSHOT_NAME.test(n) || TMP_NAME.test(n))
      .map(async (name) => {
        const file = path.resolve(dir, name);
        return { name, file, mtimeMs: (await stat(file).catch(() => undefined))?.mtimeMs };
      }),
  );
  const present = aged.filter((a): a is typeof a & { mtimeMs: number } => a.mtimeMs !== undefined);
  const snapshots = present.filter((a) => SNAPSHOT_NAME.test(a.name)).sort((a, b) => b.mtimeMs - a.mtimeMs);
  const kept = new Set([path.resolve(inUse), ...snapshots.slice(0, keep).map((s) => s.file)]);
  const doomed = [
    ...snapshots.filter((s) => !kept.has(s.file)),
    ...present.filter((a) => TMP_NAME.test(a.name) && now - a.mtimeMs > STALE_TMP_MS),
  ];
  const removed: string[] = [];
  for (const { file, name } of doomed) {
    if (await rm(file, { force: true }).then(() => true, () => false)) removed.push(name);
  }
  return removed;
}
