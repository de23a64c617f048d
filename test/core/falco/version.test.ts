import { describe, expect, it } from 'vitest';
import { detectVersion, versionFromImage } from '../../../src/core/falco/index.js';
import { falcoYaml, sample } from '../helpers/fixtures.js';

const none = { image: null, versionOutput: null, startupLines: [] as string[], configText: null };

describe('detectVersion', () => {
  it('prefers falco --version, then the startup log, then the image tag', () => {
    expect(
      detectVersion({ ...none, versionOutput: sample('version.txt'), startupLines: ['Falco version: 0.40.0'], image: 'falcosecurity/falco:0.41.3' }),
    ).toMatchObject({ version: '0.42.1', source: 'falco --version' });
    expect(detectVersion({ ...none, startupLines: sample('startup-log.txt').split('\n'), image: 'falcosecurity/falco:0.41.3' })).toMatchObject({
      version: '0.42.1',
      source: 'startup-log',
    });
    expect(detectVersion({ ...none, image: 'falcosecurity/falco:0.41.3' })).toMatchObject({ version: '0.41.3', source: 'image-tag' });
  });

  it('reads image tags, ignoring latest and digests', () => {
    expect(versionFromImage('falcosecurity/falco-no-driver:0.38.0-debian')).toBe('0.38.0');
    expect(versionFromImage('registry.local:5000/falcosecurity/falco:v0.40.0@sha256:abc')).toBe('0.40.0');
    expect(versionFromImage('falcosecurity/falco:latest')).toBeNull();
    expect(versionFromImage('falcosecurity/falco')).toBeNull();
    expect(detectVersion({ ...none, image: 'falcosecurity/falco:latest' })).toMatchObject({ version: null, source: 'unknown' });
  });

  it('infers a range from the config keys and says so', () => {
    const v44 = detectVersion({ ...none, image: 'falcosecurity/falco:latest', configText: falcoYaml('0.44.1').text });
    expect(v44).toMatchObject({ version: '0.44.1', source: 'inferred-from-config' });
    expect(v44.note).toContain('lower bound');
    const v38 = detectVersion({ ...none, configText: falcoYaml('0.38.0').text });
    expect(v38).toMatchObject({ version: '0.38.0', source: 'inferred-from-config' });
    expect(v38.note).toContain('< 0.44.0');
    const v36 = detectVersion({ ...none, configText: falcoYaml('0.36.2').text });
    expect(v36).toMatchObject({ version: null, source: 'inferred-from-config' });
    expect(v36.note).toContain('< 0.38.0');
    expect(detectVersion({ ...none, configText: 'foo: 1\n' })).toMatchObject({ version: null, source: 'unknown' });
  });
});
