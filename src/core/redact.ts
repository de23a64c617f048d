// Secrets never leave the machine: credentials in URLs, Authorization headers, and values of keys
// whose names look secret are replaced before a report or bundle is written.
const SECRET_NAME = /(pass(word|wd)?|secret|token|api[_-]?key|private[_-]?key|credential|auth)/i;
export const REDACTED = '<redacted>';

export function isSecretName(name: string): boolean {
  return SECRET_NAME.test(name);
}

export function redactText(text: string): string {
  return text
    .replace(/\b([a-z][a-z0-9+.-]*:\/\/)([^\s/@:]+):([^\s/@]+)@/gi, `$1${REDACTED}:${REDACTED}@`)
    .replace(/\b(authorization|proxy-authorization)(["']?\s*[:=]\s*["']?)([^"'\n]+)/gi, `$1$2${REDACTED}`)
    .replace(
      /(^|[\s{,"'-])([\w.-]*(?:pass(?:word|wd)?|secret|token|api[_-]?key|private[_-]?key|credential)[\w.-]*)(["']?\s*[:=]\s*)(["']?)([^\s"',}]+)/gim,
      (_m, pre: string, key: string, sep: string, q: string) => `${pre}${key}${sep}${q}${REDACTED}`,
    );
}
