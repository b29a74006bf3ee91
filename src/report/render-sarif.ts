import type { Location, Log, ReportingDescriptor, Result, Run } from 'sarif';
import { type CheckReport, toolVersion } from '../checker/index.ts';
import { ALL_CHECKS, type CheckOutcome, type Risk } from '../checks/index.ts';
import type { RuleOutcome } from '../profile/index.ts';
import { type EvidenceRef, MANIFEST_FILE } from '../spec/index.ts';

/** Where the SARIF 2.1.0 JSON Schema is published (SchemaStore's copy, as code-scanning tools expect). */
export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';

const INFORMATION_URI = 'https://aperture.dev';
// One base id per release: locations are relative to the release pack, not to the working directory.
const PACK_ROOT = 'PACKROOT';

/** SARIF levels by check risk: a critical or high finding fails a code-scanning gate, the rest inform. */
export const SARIF_LEVEL_BY_RISK: Record<Risk, 'error' | 'warning' | 'note'> = {
  critical: 'error',
  high: 'error',
  medium: 'warning',
  low: 'note',
};

/** The policy rules a gate can apply, named as `RuleOutcome.rule` starts (`requireComponents.final-parameters`). */
const GATE_RULES: Record<string, { id: string; title: string; why: string }> = {
  minScore: {
    id: 'policy-min-score',
    title: 'Openness score meets the minimum',
    why: 'The gate (--min-score or a policy) asks for a minimum openness score.',
  },
  minClass: {
    id: 'policy-min-class',
    title: 'MOF class meets the minimum',
    why: 'The gate (--require-class or a policy) asks for a Model Openness Framework class.',
  },
  requireOsaid: {
    id: 'policy-require-osaid',
    title: 'Release is open source AI',
    why: 'The policy asks for the OSAID-style verdict: data information, code and parameters all under open terms.',
  },
  requireComponents: {
    id: 'policy-require-components',
    title: 'Required components are released',
    why: 'The policy names components that must be released, or released under open licenses.',
  },
  allowedLicenseClasses: {
    id: 'policy-allowed-license-classes',
    title: 'Licenses are of allowed classes',
    why: 'The policy allows only some license classes (open, restricted, proprietary) on released components.',
  },
  requireStages: {
    id: 'policy-require-stages',
    title: 'Staged releases are on time',
    why: 'The policy names stages of a staged release that must be out by a date.',
  },
  requireChecks: {
    id: 'policy-require-checks',
    title: 'Required checks reach their score',
    why: 'The policy names checks that must reach a minimum score.',
  },
};

function gateRuleKind(rule: RuleOutcome): string {
  return rule.rule.split('.')[0]!;
}

function gateRuleInfo(kind: string): { id: string; title: string; why: string } {
  return (
    GATE_RULES[kind] ?? {
      id: `policy-${kind.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`,
      title: `Policy rule ${kind} is met`,
      why: `The policy applies the rule ${kind}.`,
    }
  );
}

/** `manifest-valid` → `ManifestValid`: SARIF wants `name` to be an identifier-like string (§3.49.7). */
function ruleName(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((part) => part[0]!.toUpperCase() + part.slice(1))
    .join('');
}

function plain(markdown: string): string {
  return markdown.replace(/`/g, '');
}

function checkRule(outcome: Pick<CheckOutcome, 'id' | 'title' | 'risk'>): ReportingDescriptor {
  const check = ALL_CHECKS.find((candidate) => candidate.id === outcome.id);
  const why = check?.docs.why ?? outcome.title;
  const how = check?.docs.how ?? 'See the reason given with each result.';
  return {
    id: outcome.id,
    name: ruleName(outcome.id),
    shortDescription: { text: outcome.title },
    fullDescription: { text: plain(why), markdown: why },
    help: { text: plain(how), markdown: how },
    defaultConfiguration: { level: SARIF_LEVEL_BY_RISK[outcome.risk] },
    properties: { risk: outcome.risk, tags: ['openness', 'release-pack', ...(check?.judges ?? [])] },
  };
}

function gateRule(kind: string): ReportingDescriptor {
  const info = gateRuleInfo(kind);
  const how = `Meet the rule \`${kind}\` of the policy, or relax the gate if it asks for more than the release promises.`;
  return {
    id: info.id,
    name: ruleName(info.id),
    shortDescription: { text: info.title },
    fullDescription: { text: info.why },
    help: { text: plain(how), markdown: how },
    defaultConfiguration: { level: 'error' },
    properties: { tags: ['openness', 'policy', 'gate'] },
  };
}

/**
 * A pack path as a relative URI reference: each segment percent-encoded, so spaces, `#`, `?` and a `:` in
 * a first segment cannot turn it into something else (§3.4.3, §3.10).
 */
function packUri(file: string): string {
  return file.split('/').map(encodeURIComponent).join('/');
}

function isPackPath(file: string | undefined): file is string {
  return (
    file !== undefined &&
    file !== '' &&
    !file.startsWith('/') &&
    !/^[A-Za-z]:/.test(file) &&
    !file.split('/').includes('..')
  );
}

function locationOf(file: string, line?: number, note?: string): Location {
  const region = line !== undefined && Number.isInteger(line) && line >= 1 ? { startLine: line } : undefined;
  return {
    physicalLocation: {
      artifactLocation: { uri: packUri(file), uriBaseId: PACK_ROOT },
      ...(region ? { region } : {}),
    },
    ...(note ? { message: { text: note } } : {}),
  };
}

/** The first evidence file is where the result is shown; the others are related locations. */
function locationsOf(evidence: readonly EvidenceRef[]): { primary: Location; related: Location[] } {
  const inPack = evidence.filter((ref) => isPackPath(ref.file));
  const [first, ...rest] = inPack;
  const primary = first ? locationOf(first.file!, first.line) : locationOf(MANIFEST_FILE);
  const related = rest.slice(0, 10).map((ref, index) => ({
    id: index + 1,
    ...locationOf(ref.file!, ref.line, ref.note),
  }));
  return { primary, related };
}

function sentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

function checkMessage(outcome: CheckOutcome): string {
  const parts = [sentence(outcome.reason)];
  if (outcome.remediation) parts.push(sentence(outcome.remediation));
  const details = (outcome.details ?? []).slice(0, 20).map((detail) => `- ${detail}`);
  return [parts.join(' '), ...details].join('\n');
}

function releaseSummary(report: CheckReport) {
  return {
    target: report.target,
    model: report.profile.model.name,
    opennessScore: report.profile.score,
    mofClass: report.profile.mof.class,
    osaidVerdict: report.profile.osaid.verdict,
    completeness: report.profile.completeness.percent,
    gate: report.gate ? { policy: report.gate.policy, passed: report.gate.passed } : null,
  };
}

/**
 * SARIF 2.1.0 for code-scanning UIs: one run whose driver lists every check (and every policy rule a gate
 * applied) as a rule, with one result per check scoring below 10 and per unmet gate rule. Locations are
 * relative to the release pack (`uriBaseId: PACKROOT`). The openness score, MOF class and OSAID verdict
 * are in `run.properties` (at its top level too when there is a single release).
 *
 * @example
 * await writeFile('aperture.sarif', renderSarif([await checkRelease('.')]));
 */
export function renderSarif(reports: readonly CheckReport[]): string {
  const rules: ReportingDescriptor[] = [];
  const ruleIndex = new Map<string, number>();
  const addRule = (rule: ReportingDescriptor): number => {
    const known = ruleIndex.get(rule.id);
    if (known !== undefined) return known;
    ruleIndex.set(rule.id, rules.length);
    rules.push(rule);
    return rules.length - 1;
  };
  // Every check is a rule even when nothing failed, so viewers can show what was checked.
  for (const check of ALL_CHECKS) addRule(checkRule(check));

  const results: Result[] = [];
  const several = reports.length > 1;
  for (const report of reports) {
    for (const outcome of report.checks) {
      const index = addRule(checkRule(outcome));
      if (outcome.score === null || outcome.score >= 10) continue;
      const { primary, related } = locationsOf(outcome.evidence);
      results.push({
        ruleId: outcome.id,
        ruleIndex: index,
        level: SARIF_LEVEL_BY_RISK[outcome.risk],
        message: { text: several ? `${report.target}: ${checkMessage(outcome)}` : checkMessage(outcome) },
        locations: [primary],
        ...(related.length > 0 ? { relatedLocations: related } : {}),
        properties: { score: outcome.score, risk: outcome.risk, target: report.target },
      });
    }
    if (!report.gate) continue;
    for (const rule of report.gate.rules) {
      const kind = gateRuleKind(rule);
      const index = addRule(gateRule(kind));
      if (rule.passed) continue;
      const text = `Gate "${report.gate.policy}" failed: ${sentence(rule.message)}`;
      results.push({
        ruleId: gateRuleInfo(kind).id,
        ruleIndex: index,
        level: 'error',
        message: { text: several ? `${report.target}: ${text}` : text },
        locations: [locationOf(MANIFEST_FILE)],
        properties: {
          score: report.profile.score,
          rule: rule.rule,
          policy: report.gate.policy,
          target: report.target,
        },
      });
    }
  }

  const version = reports[0]?.tool.version ?? toolVersion();
  const summaries = reports.map(releaseSummary);
  const run: Run = {
    tool: {
      driver: {
        name: 'aperture',
        fullName: 'Aperture openness checker',
        version,
        semanticVersion: version,
        informationUri: INFORMATION_URI,
        rules,
      },
    },
    originalUriBaseIds: {
      [PACK_ROOT]: {
        description: {
          text:
            reports.length === 1
              ? `The root of the release pack ${reports[0]!.target}.`
              : 'The root of the release pack each result names in properties.target.',
        },
      },
    },
    results,
    properties: {
      ...(summaries.length === 1 ? summaries[0] : {}),
      releases: summaries,
    },
  };
  const log: Log = { $schema: SARIF_SCHEMA_URI, version: '2.1.0', runs: [run] };
  return `${JSON.stringify(log, null, 2)}\n`;
}
