// One test per redaction rule: what a bundle or report may never carry.
import { describe, expect, it } from 'vitest';
import { redactText, isSecretName } from '../../src/core/redact.js';

describe('redactText', () => {
  it('credentials in URLs', () => {
    expect(redactText('url: https://alice:s3cret@hooks.example/x')).toBe('url: https://<redacted>:<redacted>@hooks.example/x');
  });
  it('Authorization headers, in YAML and in a command line', () => {
    expect(redactText('Authorization: Bearer abc.def')).toBe('Authorization: <redacted>');
    expect(redactText('curl -H "Authorization: Basic Zm9vOmJhcg==" x')).toBe('curl -H "Authorization: <redacted>" x');
  });
  it('values of secret-looking keys', () => {
    expect(redactText('  api_key: 12345')).toBe('  api_key: <redacted>');
    expect(redactText('password=hunter2 user=bob')).toBe('password=<redacted> user=bob');
    expect(redactText('{"client_secret":"xyz"}')).toBe('{"client_secret":"<redacted>"}');
    expect(redactText('SLACK_TOKEN=xoxb-1')).toBe('SLACK_TOKEN=<redacted>');
  });
  it('leaves ordinary config alone', () => {
    const yaml = 'engine:\n  kind: modern_ebpf\n  modern_ebpf:\n    buf_size_preset: 4\nwebserver:\n  listen_port: 8765\n';
    expect(redactText(yaml)).toBe(yaml);
  });
  it('names that look secret', () => {
    expect(['DB_PASSWORD', 'GITHUB_TOKEN', 'AWS_SECRET_ACCESS_KEY', 'api-key'].every(isSecretName)).toBe(true);
    expect(['PATH', 'HOME', 'STANDIN_EVENT_RATE'].some(isSecretName)).toBe(false);
  });
});
