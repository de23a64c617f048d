// Ink's colours come from chalk, which picks its colour level at import time from the real
// process.stdout (not a TTY under vitest, so: no colour). Force a level so the test can see
// that --no-color, not the environment, is what turns colour off.
process.env['FORCE_COLOR'] = '1';
