// Disabling rules the Falco-supported way: override entries appended to a local rules file that Falco
// loads after the upstream one. The upstream file is never touched.
import { parseDocument } from 'yaml';
import { disableRuleOverride } from '../falco/rules/load.js';

export class RuleOverrideError extends Error {}

export function appendRuleOverrides(text: string, rules: readonly string[], why: string): string {
  const doc = parseDocument(text);
  const value: unknown = doc.toJS();
  // Appending block items only works after a block sequence or a file of comments
  if (doc.errors.length > 0 || !(value === null || value === undefined || (Array.isArray(value) && !/^\s*\[/m.test(stripComments(text)))))
    throw new RuleOverrideError('the local rules file is not a YAML list of rules: overrides cannot be appended');
  const sep = text === '' || text.endsWith('\n') ? '' : '\n';
  const body = rules.map(disableRuleOverride).join('');
  return `${text}${sep}# falco-doctor: ${why}, disables ${rules.length} rule(s)\n${body}`;
}

function stripComments(text: string): string {
  return text
    .split('\n')
    .filter((l) => !/^\s*#/.test(l))
    .join('\n');
}
