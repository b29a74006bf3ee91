/** What one requirement asks for: one exact version, a range or a moving target (and why), or a local path. */
export type RequirementVerdict =
  | { kind: 'pinned'; name: string | null }
  | { kind: 'unpinned'; name: string | null; why: string }
  | { kind: 'local' };

const NAME = /^([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[[^\]]*\]\s*)?/;
const CLAUSE = /^(===|==|~=|!=|<=|>=|<|>)\s*([^\s,;]+)$/;
const VCS_COMMIT = /@[0-9a-f]{40}(?:[#&]|$)/i;

/**
 * Judges one pip requirement line (PEP 508 plus pip's `--hash`): pinned to one version, or why not.
 *
 * @example
 * judgeRequirement('torch>=2') // { kind: 'unpinned', name: 'torch', why: 'is a range (">=2")' }
 */
export function judgeRequirement(line: string): RequirementVerdict {
  const optionAt = line.search(/\s--?[A-Za-z]/);
  const requirement = (optionAt < 0 ? line : line.slice(0, optionAt)).trim();
  const options = optionAt < 0 ? '' : line.slice(optionAt);
  const hashed = /--hash[=\s]+[A-Za-z0-9]+:[0-9a-fA-F]+/.test(options);
  const urlOrPath = judgeUrlOrPath(requirement, hashed);
  if (urlOrPath) return urlOrPath;
  const name = NAME.exec(requirement);
  if (!name) return { kind: 'unpinned', name: null, why: 'cannot be read as a requirement' };
  const afterName = requirement.slice(name[0].length);
  if (afterName.startsWith('@')) {
    return (
      judgeUrlOrPath(afterName.slice(1).trim().split(/\s*;/)[0]!, hashed, name[1]!) ?? {
        kind: 'unpinned',
        name: name[1]!,
        why: 'names a URL that cannot be read',
      }
    );
  }
  const specifiers = afterName
    .split(';')[0]!
    .trim()
    .replace(/^\((.*)\)$/, '$1')
    .trim();
  if (specifiers === '') {
    return hashed
      ? { kind: 'pinned', name: name[1]! }
      : { kind: 'unpinned', name: name[1]!, why: 'has no version' };
  }
  const clauses = specifiers.split(',').map((clause) => CLAUSE.exec(clause.trim()));
  if (clauses.some((clause) => clause === null))
    return { kind: 'unpinned', name: name[1]!, why: 'cannot be read as a requirement' };
  const exact = clauses.some(
    (clause) => clause![1] === '===' || (clause![1] === '==' && !clause![2]!.includes('*')),
  );
  if (exact || hashed) return { kind: 'pinned', name: name[1]! };
  const wildcard = clauses.some((clause) => clause![2]!.includes('*'));
  return {
    kind: 'unpinned',
    name: name[1]!,
    why: wildcard ? `matches many versions ("${specifiers}")` : `is a range ("${specifiers}")`,
  };
}

/** A URL, VCS reference or local path requirement, or null when the text is a name. */
export function judgeUrlOrPath(
  target: string,
  hashed: boolean,
  name: string | null = null,
): RequirementVerdict | null {
  if (/^(git|hg|svn|bzr)\+/i.test(target)) {
    return VCS_COMMIT.test(target)
      ? { kind: 'pinned', name }
      : { kind: 'unpinned', name, why: 'is a VCS reference without a full commit hash' };
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(target)) {
    if (/^file:/i.test(target)) return { kind: 'local' };
    return hashed || /#(sha256|sha384|sha512)=[0-9a-f]+/i.test(target)
      ? { kind: 'pinned', name }
      : { kind: 'unpinned', name, why: 'is a URL without a hash (#sha256=…), so its content can change' };
  }
  if (name === null && /^(\.{1,2}(\/|$)|\/|~)/.test(target)) return { kind: 'local' };
  // A bare path to an archive in the pack (`wheels/x-1.0.whl`), not `name @ url`.
  const bareArchive =
    !/[\s@:]/.test(target) && target.includes('/') && /\.(whl|tar\.gz|zip|tar\.bz2)$/i.test(target);
  if (name === null && bareArchive) return { kind: 'local' };
  return null;
}

/** Judges one conda dependency: `name==1.2.3`, `name=1.2.3=build` and `name=1.2.3` (full version) are pinned. */
export function judgeCondaSpec(spec: string): RequirementVerdict {
  const text = spec.trim().replace(/^[^:\s]+::/, '');
  const spaced = /^([A-Za-z0-9_][A-Za-z0-9._-]*)\s+(\S+)(?:\s+\S+)?$/.exec(text);
  const match = spaced ?? /^([A-Za-z0-9_][A-Za-z0-9._-]*)\s*(.*)$/.exec(text);
  if (!match) return { kind: 'unpinned', name: null, why: 'cannot be read as a conda package spec' };
  const name = match[1]!;
  const version = (spaced ? `=${match[2]}` : match[2]!).trim();
  if (version === '') return { kind: 'unpinned', name, why: 'has no version' };
  if (version.includes('*')) return { kind: 'unpinned', name, why: `matches many versions ("${version}")` };
  if (/^==[^=<>!~,|\s]+$/.test(version)) return { kind: 'pinned', name };
  if (/^=[^=<>!~,|\s]+=[^=<>!~,|\s]+$/.test(version)) return { kind: 'pinned', name };
  const single = /^=([^=<>!~,|\s]+)$/.exec(version);
  if (single) {
    return /^\d+(\.\d+){2,}/.test(single[1]!)
      ? { kind: 'pinned', name }
      : {
          kind: 'unpinned',
          name,
          why: `"=${single[1]}" matches every ${single[1]}.x release; give the full version`,
        };
  }
  return { kind: 'unpinned', name, why: `is a range ("${version}")` };
}
