// The `ramplan` command as a user runs it: a real process through the package's bin, its output
// collected. Shared by the CLI tests and the SIE benchmark.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const RAMPLAN_BIN = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'bin', 'ramplan.js');

export type CliRun = { code: number | null; stdout: string; stderr: string };

/** Runs `ramplan ...args` on this Node with `env` added to the environment, to its end. */
export function runRamplan(args: readonly string[], env: Record<string, string> = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [RAMPLAN_BIN, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => { stdout += d.toString(); });
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
