import { spawnSync } from 'node:child_process';
import os from 'node:os';

/**
 * Who runs mujaz where a folder's permissions must refuse it: this user ({}), or, for root
 * (whom no permission refuses), the user nobody if it can run `cli` from here at all; else
 * undefined (a test of permissions is then skipped). Spread into spawnSync's options.
 */
export function otherUser(cli: string): { uid?: number; gid?: number } | undefined {
  if (process.platform === 'win32') return undefined;
  if (process.getuid?.() !== 0) return {};
  const nobody = { uid: 65534, gid: 65534 };
  return spawnSync(process.execPath, [cli, '--version'], { cwd: os.tmpdir(), ...nobody }).status === 0 ? nobody : undefined;
}
