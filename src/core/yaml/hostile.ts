// A cheap look at YAML text before the parser sees it: documents nested deeper than any real config
// (a stack-overflow bomb) or far larger than one are refused with a one-line reason. Alias bombs are
// caught by the yaml package's maxAliasCount when converting to JS.
export const MAX_YAML_DEPTH = 64;
export const MAX_YAML_BYTES = 16 * 1024 * 1024;

export function hostileYaml(text: string): string | null {
  if (text.length > MAX_YAML_BYTES) return `larger than ${MAX_YAML_BYTES / 1024 / 1024} MB`;
  let flow = 0;
  let quote: '"' | "'" | null = null;
  let lineStart = true;
  let seqRun = 0;
  let indent = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') {
      lineStart = true;
      seqRun = 0;
      indent = 0;
      if (quote === "'") quote = null; // plain single-quoted scalars rarely span lines; be lenient
      continue;
    }
    if (quote) {
      if (c === quote && text[i - 1] !== '\\') quote = null;
      continue;
    }
    if (lineStart) {
      if (c === ' ') {
        if (++indent > MAX_YAML_DEPTH * 4) return `nested deeper than ${MAX_YAML_DEPTH} levels`;
        continue;
      }
      if (c === '-' && text[i + 1] === ' ') {
        if (++seqRun > MAX_YAML_DEPTH) return `nested deeper than ${MAX_YAML_DEPTH} levels`;
        i++;
        continue;
      }
      lineStart = false;
    }
    if (c === '#' && (i === 0 || text[i - 1] === ' ')) {
      const nl = text.indexOf('\n', i);
      i = nl < 0 ? text.length : nl - 1;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '[' || c === '{') {
      if (++flow > MAX_YAML_DEPTH) return `nested deeper than ${MAX_YAML_DEPTH} levels`;
    } else if ((c === ']' || c === '}') && flow > 0) flow--;
  }
  return null;
}
