// The three layers stay visible. The rule itself is ESLint's no-restricted-imports in eslint.config.mjs
// (run by `npm run lint`, which `npm test` runs); these tests show that it fires where it must, with
// the message that names what to use instead, and that it is quiet on the real tree.
import { ESLint } from 'eslint';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from './helpers/fixtures.js';

const eslint = new ESLint({ cwd: REPO });
/** Lint a would-be file at `file` (nothing is written): the messages of the layer rule. */
async function layerMessages(file: string, code: string): Promise<string[]> {
  const [r] = await eslint.lintText(code, { filePath: path.join(REPO, file) });
  return (r?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = path.join(dir, n);
    return statSync(p).isDirectory() ? sources(p) : /\.(ts|tsx)$/.test(n) ? [p] : [];
  });
}

describe('layers (ESLint no-restricted-imports)', () => {
  it('src/core: no UI, no I/O library, no adapter — the message says where that belongs', async () => {
    expect(await layerMessages('src/core/x.ts', "import { render } from 'ink';\nexport const a = render;\n")).toEqual([
      expect.stringContaining('src/core renders nothing'),
    ]);
    expect(await layerMessages('src/core/x.ts', "import Docker from 'dockerode';\nexport const a = Docker;\n")).toEqual([
      expect.stringContaining('src/adapters reads Docker'),
    ]);
    expect(await layerMessages('src/core/x.ts', "import { readFile } from 'node:fs/promises';\nexport const a = readFile;\n")).toEqual([
      expect.stringContaining('src/adapters/files'),
    ]);
    expect(await layerMessages('src/core/falco/x.ts', "import { a } from '../../adapters/collect.js';\nexport const b = a;\n")).toEqual([
      expect.stringContaining('imports neither adapters nor UI'),
    ]);
    expect(await layerMessages('src/core/x.ts', "import { parse } from 'yaml';\nexport const a = parse;\n")).toEqual([]);
  });

  it('src/ui: no Docker, no processes', async () => {
    expect(await layerMessages('src/ui/x.tsx', "import { execa } from 'execa';\nexport const a = execa;\n")).toEqual([
      expect.stringContaining('src/ui never calls Docker or processes'),
    ]);
    expect(await layerMessages('src/ui/x.tsx', "import { connectDocker } from '../adapters/docker/client.js';\nexport const a = connectDocker;\n")).toEqual([
      expect.stringContaining('src/ui never calls Docker'),
    ]);
    // adapters may use them
    expect(await layerMessages('src/adapters/x.ts', "import { execa } from 'execa';\nexport const a = execa;\n")).toEqual([]);
  });

  it('the real tree is clean', async () => {
    const results = await eslint.lintFiles(['src']);
    expect(results.flatMap((r) => r.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => `${r.filePath}: ${m.message}`))).toEqual([]);
  });

  it('no shell strings: no shell: true, eval or new Function in src', () => {
    const bad = sources(path.join(REPO, 'src')).filter((f) => /shell:\s*true|\beval\(|new Function\(/.test(readFileSync(f, 'utf8')));
    expect(bad).toEqual([]);
  });
});
