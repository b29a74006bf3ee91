import type { EvidenceRef, ReleaseEvidence } from '../../spec/index.ts';
import { packSizes } from './command-context.ts';
import { namesInLockFile, namesInPyproject, normaliseDependencyName } from './dependency-names.ts';
import { parseYaml } from './parse-helpers.ts';
import { folderOf, quote } from './release-parts.ts';
import {
  judgeCondaSpec,
  judgeRequirement,
  judgeUrlOrPath,
  type RequirementVerdict,
} from './requirement-verdict.ts';

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
  // Asked of lock files and unread lists only: most scopes have neither, so the index of every file waits.
  let sizes: ReadonlyMap<string, number> | undefined;
  const sizeIndex = () => (sizes ??= packSizes(evidence));
  const texts = evidence.documents ?? {};
  const pending: PendingRequirement[] = [];
  const constrained = new Set<string>();
  const visited = new Set<string>();

  for (const path of [...new Set(paths)].sort()) {
    const text = texts[path]?.text;
    if (LOCK_FILE.test(path)) {
      if (sizeIndex().get(path) === 0 || (text !== undefined && text.trim() === '')) {
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
        sizeIndex().has(path)
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
