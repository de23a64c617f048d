// Keys the version does not read: removed keys, keys of later releases, and plain typos with a
// "did you mean" among the sibling keys (or any known key with the same last segment).
import { didYouMean } from '../../../text/did-you-mean.js';
import { compareVersions } from '../../version-compare.js';
import { ALL_KEYS, knownBlocksFor, lookupKey, schemaOnlyKey } from '../model.js';
import { report, type LintContext } from './context.js';

export function unknownKey(ctx: LintContext, path: string, known: Map<string, unknown>): void {
  const any = lookupKey(path);
  if (any && any.until && ctx.version && compareVersions(ctx.version, any.until) >= 0) {
    report(ctx, {
      class: 'deprecated',
      severity: 'warning',
      key: path,
      message: `${path} was removed in Falco ${any.until}${any.deprecatedSince ? ` (deprecated since ${any.deprecatedSince})` : ''}; Falco ${ctx.version} ignores it.`,
    });
    return;
  }
  const removedBlock = ALL_KEYS.filter((k) => k.path.startsWith(`${path}.`));
  if (!any && ctx.version && removedBlock.length > 0 && removedBlock.every((k) => k.until && compareVersions(ctx.version as string, k.until) >= 0)) {
    const until = removedBlock[0]?.until ?? '?';
    report(ctx, {
      class: 'deprecated',
      severity: 'warning',
      key: path,
      message: `${path} was removed in Falco ${until}; Falco ${ctx.version} ignores the whole block.`,
    });
    return;
  }
  if (any) {
    report(ctx, {
      class: 'unknown-key',
      severity: 'warning',
      key: path,
      message: `${path} is not a key of Falco ${ctx.version}: Falco reads it from ${any.since ?? '?'} on (knowledge/falco-config-catalogue.json).`,
    });
    return;
  }
  const schemaOnly = schemaOnlyKey(path, ctx.version);
  if (schemaOnly) {
    report(ctx, {
      class: 'deprecated',
      severity: 'info',
      key: path,
      message: `${path} is accepted by the config schema of Falco ${ctx.version} but its configuration.cpp does not read it: it has no effect.`,
    });
    return;
  }
  const parent = path.includes('.') ? path.slice(0, path.lastIndexOf('.')) : '';
  const siblings = [...known.keys(), ...knownBlocksFor(ctx.version)].filter((k) =>
    parent === '' ? !k.includes('.') : k.startsWith(`${parent}.`) && !k.slice(parent.length + 1).includes('.'),
  );
  const leafName = path.slice(path.lastIndexOf('.') + 1);
  const byLeaf = new Map([...known.keys()].map((k) => [k.slice(k.lastIndexOf('.') + 1), k]));
  const leafHit = didYouMean(leafName, byLeaf.keys());
  const exactLeaf = path.includes('.') ? undefined : byLeaf.get(leafName); // `listen_port` at the top level
  const suggestion = exactLeaf ?? didYouMean(path, siblings) ?? (leafHit !== null ? (byLeaf.get(leafHit) ?? null) : null);
  report(ctx, {
    class: 'unknown-key',
    severity: 'warning',
    key: path,
    message: `${path} is not a Falco${ctx.version ? ` ${ctx.version}` : ''} config key; Falco ignores it.` + (suggestion ? ` Did you mean ${suggestion}?` : ''),
    didYouMean: suggestion,
  });
}
