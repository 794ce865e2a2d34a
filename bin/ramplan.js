#!/usr/bin/env node
// The `ramplan` command. Ramplan runs on Node 24 (type stripping, see docs/decisions/0001);
// when this shim is started by an older system Node, it re-runs itself on the Node 24 that the
// npm package `node` installed into node_modules.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import nodeModule from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const main = join(root, 'src', 'cli', 'main.ts');
const major = Number(process.versions.node.split('.')[0]);

if (major >= 24) {
  // Compiled modules (TypeScript already stripped) are cached on disk (os.tmpdir()/node-compile-cache,
  // or NODE_COMPILE_CACHE): a command starts about 0.2 s sooner. Node checks each entry against its
  // source, so a changed file is compiled again.
  nodeModule.enableCompileCache?.();
  const { main: run } = await import(pathToFileURL(main).href);
  const code = await run(process.argv.slice(2));
  if (code !== 0) process.exit(code);
} else {
  const node24 = join(root, 'node_modules', 'node', 'bin', 'node');
  if (!existsSync(node24)) {
    console.error('Ramplan kräver Node 24. Kör "npm ci" i projektmappen först.');
    process.exit(1);
  }
  const child = spawnSync(node24, [fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(child.status ?? 1);
}
