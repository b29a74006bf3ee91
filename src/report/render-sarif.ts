import type { ArtifactLocation, Location, Log, ReportingDescriptor, Result, Run } from 'sarif';
import { type CheckReport, toolVersion } from '../checker/index.ts';
import { ALL_CHECKS, type CheckOutcome, type Risk } from '../checks/index.ts';
import type { ComponentRating, OpenWashing, RuleOutcome } from '../profile/index.ts';
import { type EvidenceRef, MANIFEST_FILE, type ReleaseLocationSummary } from '../spec/index.ts';
import { claimText, isLinked, LINKED_MEANING, locationText } from './describe-release.ts';
import { locateEvidence } from './locate-evidence.ts';

/** Where the SARIF 2.1.0 JSON Schema is published (SchemaStore's copy, as code-scanning tools expect). */
export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';

const INFORMATION_URI = 'https://aperture.dev';
// One base id per release: locations are relative to the release pack, not to the working directory.
const PACK_ROOT = 'PACKROOT';
// Each further location of a release (its code repository, a dataset) has a base id of its own.
const LOCATION_ROOT = 'LOCATION';

/** The rule of the open-washing flag (not a check: it reads the profile). */
export const OPEN_WASHING_RULE_ID = 'aperture/open-washing';
/** The rule noting a component known only by a link. */
export const LINKED_UNVERIFIED_RULE_ID = 'aperture/linked-unverified';

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

function openWashingRule(): ReportingDescriptor {
  const why =
    'The release calls itself open source (in its model card or README, a Hub tag, or its license name) while its weights are not under an open license, are withheld, or nothing but the weights is released.';
  const how =
    'Release the weights under an open license with the training data or code, or stop calling the release open source (say "open weights" instead).';
  return {
    id: OPEN_WASHING_RULE_ID,
    name: 'OpenWashing',
    shortDescription: { text: 'Release does not call itself open source without being open' },
    fullDescription: { text: why },
    help: { text: how },
    defaultConfiguration: { level: 'warning' },
    properties: { tags: ['openness', 'open-washing'] },
  };
}

function linkedRule(): ReportingDescriptor {
  const how =
    'Publish the component where it can be read (a public Hub or git repository), or check the release together with that location (`aperture check A B --as-one-release`).';
  return {
    id: LINKED_UNVERIFIED_RULE_ID,
    name: 'LinkedUnverified',
    shortDescription: { text: 'Component is verified, not only linked' },
    fullDescription: { text: `A component known only by a link: ${LINKED_MEANING}.` },
    help: { text: plain(how), markdown: how },
    defaultConfiguration: { level: 'note' },
    properties: { tags: ['openness', 'verification'] },
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

/** Finds the artifact of a release file: under PACKROOT in the primary location, under its location's base id elsewhere. */
type ArtifactOf = (ref: Pick<EvidenceRef, 'file' | 'location'>) => ArtifactLocation | null;

/**
 * The base ids of the log's locations: PACKROOT for the location each release was checked from, and one
 * `LOCATION<n>` per further location (a release's code repository, a dataset), described by its ref.
 */
function locationBases() {
  const ids = new Map<string, string>();
  const entries: Record<string, ArtifactLocation> = {};
  const baseOf = (location: ReleaseLocationSummary, target: string): string => {
    const known = ids.get(location.ref);
    if (known) return known;
    const id = `${LOCATION_ROOT}${ids.size + 1}`;
    ids.set(location.ref, id);
    entries[id] = {
      description: {
        text: `The root of ${locationText(location)}, a location of the release ${target}.`,
      },
      properties: {
        ref: location.ref,
        role: location.role,
        kind: location.kind,
        ...(location.url ? { url: location.url } : {}),
        ...(location.revision ? { revision: location.revision } : {}),
      },
    };
    return id;
  };
  const artifactsOf =
    (report: CheckReport): ArtifactOf =>
    (ref) => {
      if (ref.file === undefined) return null;
      const { location, path } = locateEvidence({ file: ref.file, location: ref.location }, report.locations);
      if (!isPackPath(path)) return null;
      return { uri: packUri(path), uriBaseId: location ? baseOf(location, report.target) : PACK_ROOT };
    };
  return { entries, artifactsOf };
}

function locationOf(artifactLocation: ArtifactLocation, line?: number, note?: string): Location {
  const region = line !== undefined && Number.isInteger(line) && line >= 1 ? { startLine: line } : undefined;
  return {
    physicalLocation: { artifactLocation, ...(region ? { region } : {}) },
    ...(note ? { message: { text: note } } : {}),
  };
}

const MANIFEST_LOCATION: ArtifactLocation = { uri: packUri(MANIFEST_FILE), uriBaseId: PACK_ROOT };

/** The first evidence file is where the result is shown; the others are related locations. */
function locationsOf(
  evidence: readonly EvidenceRef[],
  artifactOf: ArtifactOf,
): { primary: Location; related: Location[] } {
  const located = evidence.flatMap((ref) => {
    const artifact = artifactOf(ref);
    return artifact ? [{ ref, artifact }] : [];
  });
  const [first, ...rest] = located;
  const primary = first ? locationOf(first.artifact, first.ref.line) : locationOf(MANIFEST_LOCATION);
  const related = rest.slice(0, 10).map(({ ref, artifact }, index) => ({
    id: index + 1,
    ...locationOf(artifact, ref.line, ref.note),
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
  const { profile } = report;
  const verified = (verification: ComponentRating['verification']) =>
    profile.components
      .filter((component) => component.verification === verification)
      .map((component) => component.id);
  return {
    target: report.target,
    model: profile.model.name,
    opennessScore: profile.score,
    mofClass: profile.mof.class,
    osaidVerdict: profile.osaid.verdict,
    completeness: profile.completeness.percent,
    verification: { verified: verified('verified'), linkedUnverified: verified('linked-unverified') },
    openWashing: profile.openWashing,
    locations: report.locations.map(({ ref, role, kind, files }) => ({ ref, role, kind, files })),
    gate: report.gate ? { policy: report.gate.policy, passed: report.gate.passed } : null,
  };
}

/** The flag's message: why, where the release calls itself open, and what the MOF misses. */
function openWashingMessage(openWashing: OpenWashing): string {
  const lines = [`Open-washing: ${sentence(openWashing.reason)}`];
  for (const claim of openWashing.claims) lines.push(`- ${claimText(claim)}: ${claim.note ?? 'a claim'}`);
  if (openWashing.missing.length > 0)
    lines.push(`- withheld parts the MOF requires: ${openWashing.missing.join(', ')}`);
  return lines.join('\n');
}

/** The flag is shown where the release first calls itself open; a license-name claim, at the weights' evidence. */
function openWashingLocations(
  report: CheckReport,
  openWashing: OpenWashing,
  artifactOf: ArtifactOf,
): { primary: Location; related: Location[] } {
  const weights = report.profile.components.find((component) => component.id === 'final-parameters');
  return locationsOf([...openWashing.claims, ...(weights?.evidence ?? [])], artifactOf);
}

/** One result, shown at its primary location with the related ones beside it. */
function resultAt(
  rule: { id: string; index: number },
  level: Result.level,
  text: string,
  where: { primary: Location; related: Location[] },
  properties: NonNullable<Result['properties']>,
): Result {
  return {
    ruleId: rule.id,
    ruleIndex: rule.index,
    level,
    message: { text },
    locations: [where.primary],
    ...(where.related.length > 0 ? { relatedLocations: where.related } : {}),
    properties,
  };
}

function linkedMessage(component: ComponentRating): string {
  const link = component.evidence.find((ref) => ref.url)?.url;
  return `${component.title} is known only by a link${link ? ` (${link})` : ''}, not verified: it earns ${component.points} of ${component.maxPoints} points, half of what it would if it were read. ${sentence(component.reason)}`;
}

/**
 * SARIF 2.1.0 for code-scanning UIs: one run whose driver lists every check (and every policy rule a gate
 * applied) as a rule, with one result per check scoring below 10 and per unmet gate rule, a warning
 * (`aperture/open-washing`) where a release flagged for open-washing calls itself open source, and a note
 * (`aperture/linked-unverified`) per component known only by a link. Locations are relative to the
 * release pack (`uriBaseId: PACKROOT`), or to the further location a file belongs to (`LOCATION<n>`,
 * described in `originalUriBaseIds`). The openness score, MOF class, OSAID verdict, verification of the
 * components, open-washing flag and locations are in `run.properties` (at its top level too when there
 * is a single release).
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
  const bases = locationBases();
  for (const report of reports) {
    const artifactOf = bases.artifactsOf(report);
    const prefix = (text: string) => (several ? `${report.target}: ${text}` : text);
    for (const outcome of report.checks) {
      const index = addRule(checkRule(outcome));
      if (outcome.score === null || outcome.score >= 10) continue;
      results.push(
        resultAt(
          { id: outcome.id, index },
          SARIF_LEVEL_BY_RISK[outcome.risk],
          prefix(checkMessage(outcome)),
          locationsOf(outcome.evidence, artifactOf),
          { score: outcome.score, risk: outcome.risk, target: report.target },
        ),
      );
    }
    const { openWashing } = report.profile;
    if (openWashing) {
      // The rule is listed whenever a release calls itself open, flagged or not, like a gate's rules.
      const index = addRule(openWashingRule());
      if (openWashing.flagged) {
        results.push(
          resultAt(
            { id: OPEN_WASHING_RULE_ID, index },
            'warning',
            prefix(openWashingMessage(openWashing)),
            openWashingLocations(report, openWashing, artifactOf),
            {
              flagged: true,
              license: openWashing.license,
              licenseClass: openWashing.licenseClass,
              missing: openWashing.missing,
              claims: openWashing.claims.map(({ file, line, phrase }) => ({ file, line, phrase })),
              target: report.target,
            },
          ),
        );
      }
    }
    for (const component of report.profile.components.filter(isLinked)) {
      const index = addRule(linkedRule());
      results.push(
        resultAt(
          { id: LINKED_UNVERIFIED_RULE_ID, index },
          'note',
          prefix(linkedMessage(component)),
          locationsOf(component.evidence, artifactOf),
          {
            component: component.id,
            rating: component.rating,
            verification: component.verification,
            points: component.points,
            maxPoints: component.maxPoints,
            urls: component.evidence.flatMap((ref) => (ref.url ? [ref.url] : [])),
            target: report.target,
          },
        ),
      );
    }
    if (!report.gate) continue;
    for (const rule of report.gate.rules) {
      const kind = gateRuleKind(rule);
      const index = addRule(gateRule(kind));
      if (rule.passed) continue;
      const text = `Gate "${report.gate.policy}" failed: ${sentence(rule.message)}`;
      results.push(
        resultAt(
          { id: gateRuleInfo(kind).id, index },
          'error',
          prefix(text),
          { primary: locationOf(MANIFEST_LOCATION), related: [] },
          { score: report.profile.score, rule: rule.rule, policy: report.gate.policy, target: report.target },
        ),
      );
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
      ...bases.entries,
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
