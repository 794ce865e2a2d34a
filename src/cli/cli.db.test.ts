// The `ramplan` command as a user runs it: a real process through the package's bin.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RAMPLAN_BIN as BIN, runRamplan as ramplan } from '../../test/ramplan-cli.ts';
import { createTestDatabase, type TestDatabase } from '../../test/test-database.ts';


let database: TestDatabase;
beforeAll(async () => { database = await createTestDatabase(); });
afterAll(async () => database?.drop());

describe('ramplan', () => {
  it('--help lists the commands in Swedish', async () => {
    const run = await ramplan(['--help']);
    expect(run.code).toBe(0);
    for (const command of ['serve', 'demo', 'migrate', '--data', '--database-url']) expect(run.stdout).toContain(command);
  });

  it('accepts the global options before or after the command', async () => {
    const before = await ramplan(['--database-url', database.url, 'migrate']);
    expect(before.stderr).toBe('');
    expect(before.code).toBe(0);
    const after = await ramplan(['migrate', '--database-url', database.url]);
    expect(after.code).toBe(0);
    expect(after.stdout).toContain('schema är aktuellt');
  });

  it('loads the demo into an empty database and refuses a second time, saying why', async () => {
    const first = await ramplan(['demo'], { DATABASE_URL: database.url });
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/Demoregionen inläst: 8 organisationer/);
    expect(first.stdout).toContain('ekonom');
    const second = await ramplan(['demo', '--database-url', database.url]);
    expect(second.code).toBe(1);
    expect(second.stderr).toMatch(/^Fel: Databasen innehåller redan data \(8 organisationer\)/);
    expect(second.stderr).not.toMatch(/at .*\.ts:\d+/);
  });

  it('an unknown command or option fails with a hint', async () => {
    const run = await ramplan(['budgetera']);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain('ramplan --help');
  });
});

describe('ramplan serve on the embedded database', () => {
  it('initialises a new data folder, loads the demo, serves, and stops cleanly on SIGTERM', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'ramplan-serve-'));
    await import('node:fs/promises').then((fs) => fs.chmod(dataDir, 0o755));
    try {
      const child = spawn(process.execPath, [BIN, 'serve', '--data', dataDir, '--demo-if-empty', '--port', '0', '--host', '127.0.0.1'], {
        env: { ...process.env, DATABASE_URL: '' }, stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`serve did not start: ${stdout} ${stderr}`)), 90_000);
        child.stdout.on('data', (d: Buffer) => {
          stdout += d.toString();
          const m = /http:\/\/localhost:(\d+)/.exec(stdout);
          if (m) { clearTimeout(timer); resolve(`http://127.0.0.1:${m[1] ?? ''}`); }
        });
        child.on('close', (code) => reject(new Error(`serve exited ${String(code)}: ${stderr}`)));
      });
      const health = await fetch(`${url}/api/health`);
      expect(await health.json()).toEqual({ status: 'ok', database: 'embedded', demo: true });
      await new Promise((r) => setTimeout(r, 300));
      expect(stdout).toContain('ekonom');
      expect(stdout).toContain('ramplan-demo');
      const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      // The lock is released and the data kept: a second start finds the demo and does not load it again.
      const again = await ramplan(['--data', dataDir, 'demo']);
      expect(again.code).toBe(1);
      expect(again.stderr).toContain('innehåller redan data');
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
