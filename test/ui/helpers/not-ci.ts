// Ink decides at import time whether it runs in CI, and in CI it only prints the last frame.
// Tests that watch frames appear import this module before anything that imports Ink
// (as vadimdemedes/ink's test/helpers/run.ts sets CI=false for its child).
process.env['CI'] = 'false';
process.env['CONTINUOUS_INTEGRATION'] = 'false';
