// The tool's version: injected by the bundler (scripts/build.mjs), else read from package.json.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { packageRoot } from './adapters/shipped-files.js';

declare const __FALCO_DOCTOR_VERSION__: string | undefined;

export function toolVersion(): string {
  if (typeof __FALCO_DOCTOR_VERSION__ === 'string') return __FALCO_DOCTOR_VERSION__;
  const pkg = JSON.parse(readFileSync(path.join(packageRoot(), 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}
