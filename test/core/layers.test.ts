// The three layers stay visible: the core imports no UI and no I/O library, the UI never reaches
// Docker or processes. (A lint rule would do the same; this runs with the tests.)
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { REPO } from './helpers/fixtures.js';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = path.join(dir, n);
    return statSync(p).isDirectory() ? sources(p) : /\.(ts|tsx)$/.test(n) ? [p] : [];
  });
}

function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:^|\n)\s*(?:import|export)[^'"\n]*?from\s+['"]([^'"]+)['"]/g), ...text.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1]!);
}

const CORE_FORBIDDEN = /^(ink|react|@inkjs\/ui|dockerode|execa|tar-stream|node:(fs|child_process|net|http|https)(\/.*)?|fs|child_process)$/;
const UI_FORBIDDEN = /(^dockerode$|^execa$|adapters\/docker|node:child_process)/;

describe('layers', () => {
  it('src/core imports no UI and no I/O', () => {
    const bad = sources(path.join(REPO, 'src/core')).flatMap((f) =>
      imports(f).filter((i) => CORE_FORBIDDEN.test(i) || i.includes('/adapters/') || i.includes('/ui/')).map((i) => `${path.relative(REPO, f)} → ${i}`),
    );
    expect(bad).toEqual([]);
  });

  it('src/ui never calls Docker or processes', () => {
    const bad = sources(path.join(REPO, 'src/ui')).flatMap((f) =>
      imports(f).filter((i) => UI_FORBIDDEN.test(i)).map((i) => `${path.relative(REPO, f)} → ${i}`),
    );
    expect(bad).toEqual([]);
  });

  it('no shell strings: no shell: true, eval or new Function in src', () => {
    const bad = sources(path.join(REPO, 'src')).filter((f) => /shell:\s*true|\beval\(|new Function\(/.test(readFileSync(f, 'utf8')));
    expect(bad).toEqual([]);
  });
});
