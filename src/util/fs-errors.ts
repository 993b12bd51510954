/**
 * What a failed file-system call means, in words a person can act on: Node's messages lead with errno names
 * (ENOTDIR, EACCES) and the system call, which users should never have to decode.
 */
const PLAIN: Record<string, string> = {
  ENOENT: 'it does not exist',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EISDIR: 'it is a folder, not a file',
  EACCES: 'permission denied',
  EPERM: 'the operating system does not permit it',
  EROFS: 'the file system is read-only',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  ENAMETOOLONG: 'the path is too long',
  ELOOP: 'the path loops through symbolic links',
  EMFILE: 'too many files are open',
  EIO: 'the disk reported an input/output error',
};

/** The reason a file-system call failed, without the errno name; unknown errors keep their message. */
export function plainFsReason(err: unknown): string {
  const code = errnoCode(err);
  if (code && PLAIN[code]) return PLAIN[code];
  if (code) return 'the operating system refused it';
  return err instanceof Error ? err.message : String(err);
}

/** The errno name of a file-system error (`ENOENT`), for deciding what to do; never for showing. */
export function errnoCode(err: unknown): string | undefined {
  return typeof err === 'object' && err !== null && 'code' in err ? String((err as { code: unknown }).code) : undefined;
}
