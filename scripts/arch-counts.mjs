// The house's shape in numbers (issue #20's "before → after, measured the same way"): run it on any
// checkout — `node scripts/arch-counts.mjs [DIR]` — and compare. Each count says how it is taken, so
// two runs are comparable; what could not be measured (madge or `duplicates` absent) says so.
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(process.argv[2] ?? '.');
const src = path.join(root, 'src');

function files(dir) {
  return readdirSync(dir).flatMap((n) => {
    const p = path.join(dir, n);
    return statSync(p).isDirectory() ? files(p) : /\.tsx?$/.test(n) ? [p] : [];
  });
}

const all = files(src).map((p) => ({ rel: path.relative(root, p), text: readFileSync(p, 'utf8') }));
const where = (re) => all.filter((f) => re.test(f.text)).map((f) => f.rel);

/** stdout and stderr together (madge says "no circular dependency" on stderr); null when it did not run */
function run(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: root, encoding: 'utf8', timeout: 300_000 });
  return r.error ? null : `${r.stdout}${r.stderr}`;
}

const counts = [
  // a journal entry is built where its schema version is written into an object literal
  ['places that build a journal entry (JOURNAL_SCHEMA_VERSION as a field)', where(/schemaVersion:\s*JOURNAL_SCHEMA_VERSION/)],
  // a container's inspect body is read where getContainer(...).inspect() is called
  ['files that read `docker inspect` of a container (getContainer(…).inspect())', where(/getContainer\([^)]*\)\s*\.inspect\(/)],
  ['files that read `docker stats` (.stats({…}))', where(/\.stats\(\{/)],
  ['files that use the flat CliArgs type', where(/\bCliArgs\b/)],
  ['files over 250 lines in src/', all.filter((f) => f.text.split('\n').length > 250).map((f) => `${f.rel} (${f.text.split('\n').length})`)],
];
for (const [label, list] of counts) console.log(`${String(list.length).padStart(4)}  ${label}${list.length ? `\n        ${list.join('\n        ')}` : ''}`);

const madgeBin = path.join(root, 'node_modules', '.bin', 'madge');
const madge = run(madgeBin, ['--circular', '--no-spinner', '--extensions', 'ts,tsx', '--ts-config', 'tsconfig.json', 'src']);
const circles = madge === null ? null : (/Found (\d+) circular/.exec(madge)?.[1] ?? (/No circular dependency found/.test(madge) ? '0' : null));
console.log(
  `${String(circles ?? '?').padStart(4)}  import circles in src/ (madge --circular)${circles === null ? ': not measured (madge not installed here)' : ''}`,
);

const dup = run('duplicates', ['--repo', root, '--seconds', '120']);
const pairs = dup === null ? null : (/^(\d+) pairs/.exec(dup)?.[1] ?? (/^no duplicates/.test(dup) ? '0' : null));
console.log(
  `${String(pairs ?? '?').padStart(4)}  duplicates pairs on the whole tree (duplicates --seconds 120)${pairs === null ? ': not measured (the duplicates tool is not on this machine)' : ''}`,
);
