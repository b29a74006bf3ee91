import type { EvidenceRef, ReleaseEvidence } from '../../spec/index.ts';
import { packSizes } from './command-context.ts';
import { parseJson, parseYaml } from './parse-helpers.ts';
import { baseName, folderOf, quote } from './release-parts.ts';
import { normaliseDependencyName } from './verify-command.ts';

/** Lock files: each records the exact version (and usually the hash) of every dependency. */
export const LOCK_FILE =
  /(^|\/)(poetry\.lock|uv\.lock|pdm\.lock|Pipfile\.lock|conda-lock\.ya?ml|[^/]+\.conda-lock\.ya?ml|conda-[^/]+\.lock|package-lock\.json|npm-shrinkwrap\.json|pnpm-lock\.yaml|yarn\.lock|Cargo\.lock)$/;
/** pip requirement lists. */
export const REQUIREMENTS_FILE = /(^|\/)requirements[^/]*\.txt$/i;
/** conda environment files. */
export const CONDA_ENVIRONMENT_FILE = /(^|\/)environment[^/]*\.ya?ml$/i;
/** Dependency declarations that state ranges and need a lock file to be reproducible. */
const RANGE_FILE = /(^|\/)(pyproject\.toml|setup\.py|setup\.cfg|Pipfile)$/;

const MAX_INCLUDE_DEPTH = 5;

/** A requirement that does not fix one exact version. */
export interface UnpinnedRequirement {
  file: string;
  line: number | undefined;
  text: string;
  why: string;
}

/** How well the dependencies in scope are pinned. */
export interface PinAssessment {
  /** Non-empty lock files. */
  lockFiles: string[];
  /** Requirement lists and environment files read. */
  listFiles: string[];
  /** Requirements found in those lists (local paths excluded). */
  total: number;
  pinned: number;
  unpinned: UnpinnedRequirement[];
  /** Files that declare ranges only (pyproject.toml without a lock …). */
  rangeOnly: string[];
  /** Problems that are not one requirement: empty lock files, unreadable lists, missing includes. */
  problems: string[];
  /** Normalised names of every declared dependency, to tell whether a command's program is installed. */
  names: Set<string>;
  evidence: EvidenceRef[];
}

type RequirementVerdict =
  | { kind: 'pinned'; name: string | null }
  | { kind: 'unpinned'; name: string | null; why: string }
  | { kind: 'local' };

interface PendingRequirement {
  file: string;
  line: number | undefined;
  text: string;
  verdict: RequirementVerdict;
}

/**
 * Finds the dependency files among `paths` (lock files, requirements*.txt, environment.yml, pyproject.toml)
 * and judges whether every dependency is pinned to one version. Never throws.
 *
 * @example
 * assessPins(evidence, ['requirements.txt']).unpinned // [{ file: 'requirements.txt', line: 2, text: 'torch>=2', … }]
 */
export function assessPins(evidence: ReleaseEvidence, paths: readonly string[]): PinAssessment {
  const assessment: PinAssessment = {
    lockFiles: [],
    listFiles: [],
    total: 0,
    pinned: 0,
    unpinned: [],
    rangeOnly: [],
    problems: [],
    names: new Set(),
    evidence: [],
  };
  const sizes = packSizes(evidence);
  const texts = evidence.documents ?? {};
  const pending: PendingRequirement[] = [];
  const constrained = new Set<string>();
  const visited = new Set<string>();

  for (const path of [...new Set(paths)].sort()) {
    const text = texts[path]?.text;
    if (LOCK_FILE.test(path)) {
      if (sizes.get(path) === 0 || (text !== undefined && text.trim() === '')) {
        assessment.problems.push(`${path} is empty`);
      } else {
        assessment.lockFiles.push(path);
        assessment.evidence.push({ file: path, note: 'lock file' });
        if (text !== undefined) for (const name of namesInLockFile(path, text)) assessment.names.add(name);
      }
    } else if (REQUIREMENTS_FILE.test(path)) {
      readRequirements(path, 0);
    } else if (CONDA_ENVIRONMENT_FILE.test(path)) {
      readCondaEnvironment(path, text);
    } else if (RANGE_FILE.test(path)) {
      assessment.rangeOnly.push(path);
      if (text !== undefined) for (const name of namesInPyproject(text)) assessment.names.add(name);
    }
  }

  for (const item of pending) {
    const { verdict } = item;
    if (verdict.kind === 'local') continue;
    assessment.total++;
    if (verdict.name) assessment.names.add(normaliseDependencyName(verdict.name));
    if (verdict.kind === 'pinned') assessment.pinned++;
    else if (verdict.name && constrained.has(normaliseDependencyName(verdict.name))) assessment.pinned++;
    else assessment.unpinned.push({ file: item.file, line: item.line, text: item.text, why: verdict.why });
  }
  return assessment;

  function readRequirements(path: string, depth: number, asConstraints = false): void {
    if (visited.has(path)) return;
    visited.add(path);
    const document = texts[path];
    if (!document) {
      assessment.problems.push(
        sizes.has(path)
          ? `${path} was not read (not UTF-8 text, or outside the component and the pack root)`
          : `${path} is not in the pack`,
      );
      return;
    }
    assessment.listFiles.push(path);
    assessment.evidence.push({ file: path, note: asConstraints ? 'constraints' : 'requirements' });
    let count = 0;
    for (const { line, text } of logicalLines(document.text)) {
      const include = /^(-r|--requirement|-c|--constraint)(?:\s*=\s*|\s+|(?=[^-\s]))(\S+)$/.exec(text);
      if (include) {
        const target = joinRelative(folderOf(path), include[2]!);
        const isConstraint = include[1] === '-c' || include[1] === '--constraint';
        if (target === null)
          assessment.problems.push(`${path}:${line}: ${include[2]} points outside the pack`);
        else if (depth >= MAX_INCLUDE_DEPTH)
          assessment.problems.push(`${path}:${line}: includes nested too deeply`);
        else readRequirements(target, depth + 1, asConstraints || isConstraint);
        continue;
      }
      if (/^-e\b|^--editable\b/.test(text)) {
        const target = text.replace(/^(-e|--editable)\s*=?\s*/, '');
        count++;
        record(path, line, text, judgeUrlOrPath(target, false) ?? { kind: 'local' }, asConstraints);
        continue;
      }
      // Global options (--index-url, --find-links, --pre …) change where packages come from, not which.
      if (text.startsWith('-')) continue;
      count++;
      record(path, line, text, judgeRequirement(text), asConstraints);
    }
    if (count === 0 && !asConstraints) assessment.problems.push(`${path} lists no requirement`);
  }

  function record(
    file: string,
    line: number,
    text: string,
    verdict: RequirementVerdict,
    asConstraints: boolean,
  ) {
    if (asConstraints) {
      if (verdict.kind === 'pinned' && verdict.name) constrained.add(normaliseDependencyName(verdict.name));
      return;
    }
    pending.push({ file, line, text, verdict });
  }

  function readCondaEnvironment(path: string, text: string | undefined): void {
    if (text === undefined) {
      assessment.problems.push(`${path} could not be read as UTF-8 text`);
      return;
    }
    const parsed = parseYaml(text, path);
    if (!parsed.ok) {
      assessment.problems.push(
        `${path}${parsed.line ? `:${parsed.line}` : ''}: not valid YAML (${parsed.message})`,
      );
      return;
    }
    const dependencies = (parsed.value as { dependencies?: unknown } | null)?.dependencies;
    if (!Array.isArray(dependencies)) {
      assessment.problems.push(`${path}: no \`dependencies\` list`);
      return;
    }
    assessment.listFiles.push(path);
    assessment.evidence.push({ file: path, note: 'conda environment' });
    dependencies.forEach((item: unknown, index) => {
      const line = parsed.locate(['dependencies', index]);
      if (typeof item === 'string' || typeof item === 'number') {
        pending.push({ file: path, line, text: String(item), verdict: judgeCondaSpec(String(item)) });
      } else if (item && typeof item === 'object' && Array.isArray((item as { pip?: unknown }).pip)) {
        (item as { pip: unknown[] }).pip.forEach((pip, pipIndex) => {
          const pipLine = parsed.locate(['dependencies', index, 'pip', pipIndex]);
          const spec = String(pip).trim();
          if (spec.startsWith('-')) return;
          pending.push({ file: path, line: pipLine, text: spec, verdict: judgeRequirement(spec) });
        });
      } else {
        pending.push({
          file: path,
          line,
          text: quote(JSON.stringify(item) ?? String(item), 60),
          verdict: { kind: 'unpinned', name: null, why: 'is neither a package spec nor a pip list' },
        });
      }
    });
  }
}

/** Lines of a requirements file joined over `\` continuations, without comments, with their first line number. */
function logicalLines(text: string): Array<{ line: number; text: string }> {
  const out: Array<{ line: number; text: string }> = [];
  const physical = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  let buffer = '';
  let start = 0;
  physical.forEach((raw, index) => {
    if (buffer === '') start = index + 1;
    if (raw.endsWith('\\')) {
      buffer += `${raw.slice(0, -1)} `;
      return;
    }
    const joined = (buffer + raw).replace(/(^|\s)#.*$/, '').trim();
    buffer = '';
    if (joined !== '') out.push({ line: start, text: joined });
  });
  const rest = buffer.replace(/(^|\s)#.*$/, '').trim();
  if (rest !== '') out.push({ line: start, text: rest });
  return out;
}

const NAME = /^([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[[^\]]*\]\s*)?/;
const CLAUSE = /^(===|==|~=|!=|<=|>=|<|>)\s*([^\s,;]+)$/;
const VCS_COMMIT = /@[0-9a-f]{40}(?:[#&]|$)/i;

/** Judges one pip requirement line (PEP 508 plus pip's `--hash`): pinned to one version, or why not. */
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
function judgeUrlOrPath(
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

function namesInLockFile(path: string, text: string): string[] {
  const file = baseName(path);
  if (file === 'Pipfile.lock') {
    const parsed = parseJson(text);
    if (!parsed.ok || !parsed.value || typeof parsed.value !== 'object') return [];
    const value = parsed.value as Record<string, unknown>;
    return ['default', 'develop']
      .flatMap((group) =>
        value[group] && typeof value[group] === 'object' ? Object.keys(value[group] as object) : [],
      )
      .map(normaliseDependencyName);
  }
  if (/\.lock$/.test(file) || /conda-lock/.test(file)) {
    return [
      ...text.matchAll(/^[ \t]*(?:-[ \t]*)?name[ \t]*[:=][ \t]*"?([A-Za-z0-9][A-Za-z0-9._-]*)"?[ \t]*\r?$/gm),
    ].map((match) => normaliseDependencyName(match[1]!));
  }
  return [];
}

function namesInPyproject(text: string): string[] {
  const names: string[] = [];
  for (const match of text.matchAll(
    /^[ \t]*["']([A-Za-z0-9][A-Za-z0-9._-]*)[ \t]*(?:\[[^\]\n]*\][ \t]*)?(?:[<>=!~;@(]|["'])/gm,
  )) {
    names.push(normaliseDependencyName(match[1]!));
  }
  let inDependencies = false;
  for (const line of text.split('\n')) {
    if (/^\s*\[/.test(line)) inDependencies = /dependencies\]\s*$/.test(line.trim());
    else if (inDependencies) {
      const key = /^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*=/.exec(line);
      if (key && key[1] !== 'python') names.push(normaliseDependencyName(key[1]!));
    }
  }
  return names;
}

function joinRelative(folder: string, relative: string): string | null {
  const parts = (folder === '' ? [] : folder.split('/')).concat(relative.replaceAll('\\', '/').split('/'));
  const out: string[] = [];
  for (const part of parts) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length === 0) return null;
      out.pop();
    } else out.push(part);
  }
  return out.join('/');
}
