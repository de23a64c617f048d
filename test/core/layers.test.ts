// The layers stay visible. The rule itself is ESLint's no-restricted-imports in eslint.config.mjs
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
  return (r?.messages ?? []).filter((m) => LAYER_RULES.includes(m.ruleId ?? '')).map((m) => m.message);
}
/** the layer rules: imports, and raw-mode stdin (a call, not an import) */
const LAYER_RULES = ['no-restricted-imports', 'no-restricted-syntax'];

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

  it('src/report: the core only, no I/O', async () => {
    expect(await layerMessages('src/report/x.ts', "import { sanitize } from '../ui/x.js';\nexport const a = sanitize;\n")).toEqual([
      expect.stringContaining('src/report turns results into text: it imports src/core only'),
    ]);
    expect(await layerMessages('src/report/x.ts', "import { writeFile } from 'node:fs/promises';\nexport const a = writeFile;\n")).toEqual([
      expect.stringContaining('src/report does no I/O'),
    ]);
    expect(await layerMessages('src/report/x.ts', "import { Text } from 'ink';\nexport const a = Text;\n")).toEqual([
      expect.stringContaining('src/report renders nothing'),
    ]);
    expect(await layerMessages('src/report/x.ts', "import { sanitize } from '../core/sanitize.js';\nexport const a = sanitize;\n")).toEqual([]);
  });

  it('src/adapters: not the UI, the commands or the parser', async () => {
    expect(await layerMessages('src/adapters/x.ts', "import { homeLoop } from '../commands/home-loop.js';\nexport const a = homeLoop;\n")).toEqual([
      expect.stringContaining('src/adapters are the side effects under the commands'),
    ]);
  });

  it('terminal input (readline prompts, raw-mode stdin) only in src/ui', async () => {
    const prompt = "import { createInterface } from 'node:readline/promises';\nexport const a = createInterface;\n";
    const raw = 'export const a = () => process.stdin.setRawMode(true);\n';
    for (const file of ['src/commands/x.ts', 'src/cli/x.ts', 'src/adapters/x.ts', 'src/core/x.ts']) {
      expect(await layerMessages(file, prompt), file).toEqual([expect.stringContaining('terminal prompts live in src/ui')]);
      expect(await layerMessages(file, raw), file).toEqual([expect.stringContaining('raw-mode stdin is terminal input')]);
    }
    expect(await layerMessages('src/ui/x.ts', prompt)).toEqual([]);
    expect(await layerMessages('src/ui/x.ts', raw)).toEqual([]);
  });

  it('the real tree is clean', async () => {
    const results = await eslint.lintFiles(['src']);
    expect(results.flatMap((r) => r.messages.filter((m) => LAYER_RULES.includes(m.ruleId ?? '')).map((m) => `${r.filePath}: ${m.message}`))).toEqual([]);
  });

  it('no shell strings: no shell: true, eval or new Function in src', () => {
    const bad = sources(path.join(REPO, 'src')).filter((f) => /shell:\s*true|\beval\(|new Function\(/.test(readFileSync(f, 'utf8')));
    expect(bad).toEqual([]);
  });
});
