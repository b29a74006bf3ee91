import {
  AI_LICENSES,
  type CataloguedLicense,
  classifyLicense,
  OPEN_DATA_LICENSES,
  spdxFacts,
} from '../../src/spec/index.ts';
import { generatedNotice, table } from './markdown.ts';

/** Inputs whose classification the document shows, computed by the classifier itself. */
const EXAMPLES = [
  'Apache-2.0',
  'apache-2.0',
  'Apache 2.0',
  'MIT',
  'GPL-3.0-only',
  'CC-BY-4.0',
  'CDLA-Permissive-2.0',
  'CC-BY-NC-4.0',
  'CC-BY-ND-4.0',
  'llama3.1',
  'openrail-m',
  'Apache-2.0 OR llama3.1',
  'Apache-2.0 AND CC-BY-NC-4.0',
  'none',
  'my-own-license',
];

/**
 * Renders docs/licenses.md from the license catalogue: how licenses are classed, worked examples,
 * the catalogued AI model licenses with their sources, and the open-data licenses.
 *
 * @example
 * writeFileSync('docs/licenses.md', renderLicensesDoc());
 */
export function renderLicensesDoc(): string {
  const catalogue = AI_LICENSES as readonly CataloguedLicense[];
  const openData = [...OPEN_DATA_LICENSES].sort((a, b) => a.localeCompare(b));
  const parts = [
    '# Licenses',
    '',
    generatedNotice(
      'the license catalogue (`AI_LICENSES` and `OPEN_DATA_LICENSES` in src/spec/ai-licenses.ts, rules in src/spec/license-classify.ts)',
    ),
    '',
    'Aperture classes every license as **open**, **restricted** or **proprietary**, following the Model Openness Framework: only licenses that let anyone use, study, modify and share (OSI-approved, FSF-libre and open-data licenses) are open. A component with no license is classed *none* (no rights are granted), and a license that cannot be identified *unknown*.',
    '',
    '## How a license is read and classed',
    '',
    '1. Words that mean "no license" (empty, `none`, `unlicensed`, `NOASSERTION`, `not specified` …) give **none**.',
    '2. A catalogued AI model license, written as its id, its name or a known alias (`llama3.1`, `Llama 3.1 Community License`), takes its class from the catalogue below.',
    '3. Anything else is read as an SPDX expression, in any letter case; catalogued ids may appear inside expressions. Each SPDX id is classed:',
    '   - **open** when the SPDX license list marks it OSI-approved, or FSF marks it libre, or it is one of the open-data licenses listed below;',
    '   - **restricted** when it has a non-commercial (`-NC`) or no-derivatives (`-ND`) clause, or is otherwise neither OSI-approved, FSF-libre nor open data;',
    '   - **unknown** when it is not in the SPDX license list.',
    '4. In an expression, `OR` lets the user choose, so the more open side counts; `AND` binds the user to both, so the less open side counts (open > restricted > proprietary > unknown).',
    '5. Free text that is not an expression (`Apache 2.0`) is corrected to SPDX where the correction is unambiguous; the result is classed as above but marked *not exact*, and the `licenses-valid` check asks for the SPDX spelling.',
    '',
    '## Examples',
    '',
    'Computed by the classifier when this page was generated:',
    '',
    table(
      ['Written as', 'Read as', 'Class', 'Exact', 'Why'],
      EXAMPLES.map((input) => {
        const verdict = classifyLicense(input);
        return [
          `\`${input}\``,
          verdict.expression ? `\`${verdict.expression}\`` : '—',
          verdict.class,
          verdict.exact ? 'yes' : 'no',
          verdict.reason,
        ];
      }),
    ),
    '',
    `## AI model licenses (${catalogue.length})`,
    '',
    'None of these is OSI-approved. Each is restricted (use, field, scale or attribution restrictions beyond what open licenses allow) or proprietary (no right to redistribute).',
    '',
    table(
      ['Id', 'Name', 'Class', 'Why', 'Source'],
      catalogue.map((entry) => [
        `\`${entry.id}\``,
        entry.name,
        entry.class,
        entry.reason,
        `[${hostOf(entry.source)}](${entry.source})`,
      ]),
    ),
    '',
    `## Open-data licenses (${openData.length})`,
    '',
    'SPDX licenses counted as open for data and weights even where SPDX marks them neither OSI-approved nor FSF-libre:',
    '',
    table(
      ['SPDX id', 'Name'],
      openData.map((id) => [`[\`${id}\`](https://spdx.org/licenses/${id}.html)`, spdxFacts(id)?.name ?? id]),
    ),
  ];
  return `${parts.join('\n')}\n`;
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}
