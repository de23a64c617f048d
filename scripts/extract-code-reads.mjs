// Reads Falco's C++ at each release tag and records which config keys userspace/falco/configuration.cpp
// reads, with the default it passes when the key is absent (the "default in code"). The output,
// knowledge/falco-code-reads.json, is data derived from Falco's source (file@tag:line for each key);
// no Falco code is copied. Needs a git directory of falcosecurity/falco (the search tool's fetch):
//   node scripts/extract-code-reads.mjs /path/to/falcosecurity+falco/repo
// The releases are those of ../shared/fixtures/falco/RELEASES.md.
import { execa } from 'execa';
import { readFileSync, writeFileSync } from 'node:fs';

const gitDir = process.argv[2];
if (!gitDir) {
  console.error('usage: node scripts/extract-code-reads.mjs FALCO_GIT_DIR');
  process.exit(2);
}
const releasesMd = readFileSync(new URL('../../shared/fixtures/falco/RELEASES.md', import.meta.url), 'utf8');
const tags = [...releasesMd.matchAll(/^\| releases\/falco-([\d.]+)\.yaml \| falcosecurity\/falco \| falco\.yaml \| [\d.]+ \| ([0-9a-f]{40}) \|$/gm)].map(
  (m) => ({ tag: m[1], commit: m[2] }),
);

const FILE = 'userspace/falco/configuration.cpp';
const CONSTANT_FILES = [FILE, 'userspace/falco/configuration.h', 'userspace/engine/falco_common.h'];

async function show(commit, path) {
  const r = await execa('git', ['--git-dir', gitDir, 'show', `${commit}:${path}`], { reject: false });
  return r.exitCode === 0 ? r.stdout : '';
}

/** `#define NAME value` in the files that hold the defaults, resolved one level deep. */
function defines(texts) {
  const out = new Map();
  for (const t of texts) for (const m of t.matchAll(/^#define\s+(\w+)\s+(.+?)\s*(?:\/\/.*)?$/gm)) out.set(m[1], m[2].trim());
  return out;
}

function literal(raw, consts) {
  let s = raw.trim();
  if (consts.has(s)) s = consts.get(s);
  const str = /^(?:std::string\()?"((?:[^"\\]|\\.)*)"\)?$/.exec(s);
  if (str) return { value: str[1] };
  if (s === 'true' || s === 'false') return { value: s === 'true' };
  if (/^-?\d+(\.\d+)?$|^-?\.\d+$/.test(s)) return { value: Number(s) };
  const prod = /^\((\d+)\s*\*\s*(\d+)\)$/.exec(s);
  if (prod) return { value: Number(prod[1]) * Number(prod[2]) };
  if (s === '{}') return { value: null, raw: s };
  return { raw: s };
}

const lineAt = (text, index) => text.slice(0, index).split('\n').length;

const out = { source: `falcosecurity/falco ${FILE}`, releases: {} };
for (const { tag, commit } of tags) {
  const text = await show(commit, FILE);
  const consts = defines(await Promise.all(CONSTANT_FILES.map((f) => show(commit, f))));
  const reads = {};
  const scalar = /get_scalar<\s*([\w:<>, ]+?)\s*>\(\s*(?:std::string\()?"([\w.]+)"\)?\s*(?:,\s*((?:[^()]|\([^()]*\))*?))?\s*\)/gs;
  for (const m of text.matchAll(scalar)) {
    const key = m[2];
    if (reads[key]) continue; // the first read is the one that sets the default
    reads[key] = { cxxType: m[1].replace(/\s+/g, ' '), line: lineAt(text, m.index), ...(m[3] !== undefined ? literal(m[3], consts) : {}) };
  }
  const seq = /get_sequence(?:<[^(]*?>)?\(\s*[\w.>-]+\s*,\s*(?:std::string\()?"([\w.]+)"\)?\s*\)/gs;
  for (const m of text.matchAll(seq)) if (!reads[m[1]]) reads[m[1]] = { cxxType: 'sequence', line: lineAt(text, m.index) };
  for (const m of text.matchAll(/is_defined\(\s*"([\w.]+)"\s*\)/g)) if (!reads[m[1]]) reads[m[1]] = { cxxType: 'defined?', line: lineAt(text, m.index) };
  out.releases[tag] = { commit, reads: Object.fromEntries(Object.entries(reads).sort(([a], [b]) => a.localeCompare(b))) };
  console.error(`${tag}: ${Object.keys(reads).length} keys read`);
}
// One key a line, so a re-extraction diffs key by key.
const body = Object.entries(out.releases).map(([tag, r]) => {
  const reads = Object.entries(r.reads)
    .map(([k, v]) => `      ${JSON.stringify(k)}: ${JSON.stringify(v)}`)
    .join(',\n');
  return `    ${JSON.stringify(tag)}: {\n      "commit": ${JSON.stringify(r.commit)},\n      "reads": {\n${reads.replace(/^ {6}/gm, '        ')}\n      }\n    }`;
});
writeFileSync(
  new URL('../knowledge/falco-code-reads.json', import.meta.url),
  `{\n  "source": ${JSON.stringify(out.source)},\n  "releases": {\n${body.join(',\n')}\n  }\n}\n`,
);
