// Entry of the bundle (dist/cli.js): answers `--version` with no other code loaded, and imports
// the composition root (cli/cli.tsx: Docker, YAML, the reports) only for real work. The Ink UI is a
// further chunk that cli/cli.tsx imports when it renders. scripts/build.mjs splits the chunks and
// defines the version; run from source (tsx), everything goes through cli/cli.tsx.
declare const __FALCO_DOCTOR_VERSION__: string | undefined;

const argv = process.argv.slice(2);
const asksVersion = argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V' || argv[0] === 'version');
if (asksVersion && typeof __FALCO_DOCTOR_VERSION__ === 'string') process.stdout.write(`${__FALCO_DOCTOR_VERSION__}\n`);
else await import('./cli/cli.js');
