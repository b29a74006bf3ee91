/**
 * Aperture's MOF rating of Model Openness Tool entries equals the tool's own evaluation.
 *
 * Two references: test/support/mot-reference-evaluator.ts, transcribed from the tool's PHP (see its
 * header), run on the 39 real models/*.yml files of ../shared/data/mot (lfai/model_openness_tool @
 * 8b5d30e); and outputs the tool itself recorded in Test_Data/expected_results.json (fetched from a
 * running tool through its REST API, file at commit 5cc8333d of the same repository), rebuilt here as
 * small YAML fixtures. Aperture rounds progress to one decimal; the tool keeps the raw float.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { parseMotYaml } from '../src/observatory/index.ts';
import { sharedData } from '../src/observatory/test-support/shared-data.ts';
import {
  evaluateMotRelease,
  evaluateMotYaml,
  type MotReferenceResult,
} from './support/mot-reference-evaluator.ts';

const CLASS_NAMES = { 0: null, 1: 'I', 2: 'II', 3: 'III' } as const;

function rateWithAperture(text: string, file: string) {
  const [item] = parseMotYaml(text, file);
  if (item?.kind !== 'record') throw new Error(`${file} was not rated: ${JSON.stringify(item)}`);
  return item.value;
}

function asAperture(reference: MotReferenceResult) {
  const round = (value: number) => Math.round(value * 10) / 10;
  return {
    mofClass: CLASS_NAMES[reference.class],
    progress: {
      I: round(reference.progress[1]),
      II: round(reference.progress[2]),
      III: round(reference.progress[3]),
    },
  };
}

const folder = sharedData('mot/models');

describe.skipIf(!folder)('MOF rating of the 39 real Model Openness Tool files equals the tool', () => {
  const files = folder
    ? readdirSync(folder)
        .filter((name) => /\.ya?ml$/.test(name))
        .sort()
    : [];

  it('finds the 39 files', () => {
    expect(files).toHaveLength(39);
  });

  it.each(files)('%s: class and per-class progress', (name) => {
    const text = readFileSync(path.join(folder!, name), 'utf8');
    const ours = rateWithAperture(text, name);
    expect({ mofClass: ours.mofClass, progress: ours.progress }).toEqual(asAperture(evaluateMotYaml(text)));
  });
});

/** A component of a recorded case: its MOF name and, when the case gave one, its own license. */
type RecordedComponent = [name: string, license?: string];
interface RecordedCase {
  name: string;
  globals: Record<string, string>;
  components: RecordedComponent[];
  expected: MotReferenceResult;
}

function release(recorded: RecordedCase): Record<string, unknown> {
  return {
    name: recorded.name,
    producer: 'Test',
    license: Object.fromEntries(
      Object.entries(recorded.globals).map(([key, name]) => [key, { name, path: '' }]),
    ),
    components: recorded.components.map(([name, license]) =>
      license === undefined ? { name, description: '' } : { name, description: '', license },
    ),
  };
}

const ARCH = 'Model architecture';
const PREP = 'Data preprocessing code';
const TRAIN = 'Training code';
const INFER = 'Inference code';
const EVAL_CODE = 'Evaluation code';
const LIBS = 'Supporting libraries and tools';
const FINAL = 'Model parameters (Final)';
const INTER = 'Model parameters (Intermediate)';
const DATASETS = 'Datasets';
const EVAL_DATA = 'Evaluation data';
const META = 'Model metadata';
const SAMPLES = 'Sample model outputs';
const CARD = 'Model card';
const DATA_CARD = 'Data card';
const REPORT = 'Technical report';
const PAPER = 'Research paper';
const RESULTS = 'Evaluation results';

/** Cases of Test_Data/expected_results.json (its ids in the names), with the classification the tool recorded. */
const RECORDED: RecordedCase[] = [
  {
    name: '1 OnlyGlobalLicense_C1_20%-C2_18%-C3_33%_3C_2G_0L_3V_0I_3T',
    globals: { distribution: 'CC-BY-SA-4.0', data: 'CC0-1.0' },
    components: [[DATASETS], [DATA_CARD], [PAPER]],
    expected: { class: 0, progress: { 1: 0, 2: 0, 3: 33.33333333333333 } },
  },
  {
    name: '3 Class2RTestFile_C1_73%-C2_100%-C3_100%_11C_1G_11L_11V_0I_11T',
    globals: { document: 'CC0-1.0' },
    components: [
      [ARCH, 'MIT'],
      [TRAIN, 'AFL-3.0'],
      [INFER, 'NCSA'],
      [EVAL_CODE, 'ECL-1.0'],
      [LIBS, 'Apache-2.0'],
      [FINAL, 'CC-BY-3.0-NL'],
      [EVAL_DATA, 'CC-BY-3.0-US'],
      [CARD, 'CC-BY-SA-3.0'],
      [DATA_CARD, 'CC-BY-4.0'],
      [PAPER, 'CC-BY-SA-3.0'],
      [RESULTS, 'CC-BY-4.0'],
    ],
    expected: { class: 2, progress: { 1: 76.92307692307693, 2: 100, 3: 100 } },
  },
  {
    name: '4 RandomTestFile_C1_73%-C2_82%-C3_83%_15C_4G_15L_13V_2I_11T',
    globals: {
      distribution: 'CDLA-Permissive-2.0',
      code: 'ECL-2.0',
      data: 'CC-BY-2.5-AU',
      document: 'CC-BY-4.0',
    },
    components: [
      [ARCH, 'zlib-acknowledgement'],
      [PREP, 'AFL-3.0'],
      [TRAIN, 'ECL-2.0'],
      [EVAL_CODE, 'UPL-1.0'],
      [LIBS, 'AFL-1.1'],
      [FINAL, 'ODbL-1.0'],
      [INTER, 'Xfig'],
      [DATASETS, 'CC-BY-2.0'],
      [EVAL_DATA, 'CC-BY-SA-4.0'],
      [META, 'BSD-2-Clause'],
      [SAMPLES, 'CC-BY-4.0'],
      [CARD, 'CC-BY-SA-3.0'],
      [DATA_CARD, 'SMLNJ'],
      [REPORT, 'CC0-1.0'],
      [RESULTS, 'CC-BY-SA-4.0'],
    ],
    expected: { class: 0, progress: { 1: 0, 2: 0, 3: 83.33333333333334 } },
  },
  {
    name: '5 Class2TTestFile_C1_67%-C2_100%-C3_100%_11C_1G_11L_11V_0I_11T',
    globals: { data: 'CDLA-Permissive-2.0' },
    components: [
      [ARCH, 'Apache-2.0'],
      [TRAIN, 'ECL-1.0'],
      [INFER, 'AFL-1.1'],
      [EVAL_CODE, 'MIT-0'],
      [LIBS, 'UPL-1.0'],
      [FINAL, 'CC-BY-3.0-DE'],
      [EVAL_DATA, 'ODC-By-1.0'],
      [CARD, 'CC0-1.0'],
      [DATA_CARD, 'CC-BY-SA-4.0'],
      [REPORT, 'CC0-1.0'],
      [RESULTS, 'CC-BY-SA-4.0'],
    ],
    expected: { class: 2, progress: { 1: 71.42857142857143, 2: 100, 3: 100 } },
  },
  {
    name: '12 OnlyGlobalLicense_C1_47%-C2_45%-C3_33%_10C_2G_0L_7V_0I_7T',
    globals: { code: 'NCSA', data: 'CC-BY-SA-4.0' },
    components: [
      [ARCH],
      [PREP],
      [TRAIN],
      [INFER],
      [EVAL_CODE],
      [FINAL],
      [INTER],
      [SAMPLES],
      [DATA_CARD],
      [RESULTS],
    ],
    expected: { class: 0, progress: { 1: 0, 2: 0, 3: 33.33333333333333 } },
  },
  {
    name: '15 Class3RTestFile_C1_40%-C2_55%-C3_100%_6C_1G_6L_6V_0I_6T',
    globals: { document: 'CC-BY-SA-4.0' },
    components: [
      [ARCH, 'Apache-1.0'],
      [FINAL, 'ODbL-1.0'],
      [CARD, 'CC-BY-4.0'],
      [DATA_CARD, 'CC0-1.0'],
      [PAPER, 'CC-BY-4.0'],
      [RESULTS, 'CC0-1.0'],
    ],
    expected: { class: 3, progress: { 1: 0, 2: 60, 3: 100 } },
  },
  {
    name: '21 OnlyComponentLicenese_C1_47%-C2_45%-C3_50%_15C_0G_15L_7V_8I_6T',
    globals: {},
    components: [
      [ARCH, 'ulem'],
      [PREP, 'LZMA-SDK-9.11-to-9.20'],
      [INFER, 'Sendmail-8.23'],
      [EVAL_CODE, 'Apache-2.0'],
      [FINAL, 'StandardML-NJ'],
      [INTER, 'CDLA-Sharing-1.0'],
      [DATASETS, 'CC-BY-2.5'],
      [EVAL_DATA, 'CC-BY-3.0-DE'],
      [META, 'xlock'],
      [SAMPLES, 'MITNFA'],
      [CARD, 'CC0-1.0'],
      [DATA_CARD, 'CC-BY-4.0'],
      [REPORT, 'Sun-PPP'],
      [PAPER, 'Community-Spec-1.0'],
      [RESULTS, 'Glulxe'],
    ],
    expected: { class: 0, progress: { 1: 0, 2: 0, 3: 50 } },
  },
  {
    name: '24 OnlyGlobalLicense_C1_13%-C2_9%-C3_17%_8C_1G_0L_2V_0I_2T',
    globals: { document: 'CC-BY-SA-4.0' },
    components: [[INFER], [EVAL_CODE], [LIBS], [FINAL], [EVAL_DATA], [META], [SAMPLES], [PAPER]],
    expected: { class: 0, progress: { 1: 0, 2: 0, 3: 16.666666666666664 } },
  },
  {
    name: '26 RandomTestFile_C1_33%-C2_45%-C3_50%_7C_2G_7L_5V_2I_1T',
    globals: { distribution: 'CC-BY-SA-4.0', document: 'CC0-1.0' },
    components: [
      [ARCH, 'BSD-3-Clause-Clear'],
      [TRAIN, 'MPL-1.1'],
      [EVAL_CODE, 'softSurfer'],
      [FINAL, 'CC-BY-SA-2.0-UK'],
      [EVAL_DATA, 'CC-BY-2.0'],
      [REPORT, 'BSD-3-Clause-Attribution'],
      [PAPER, 'CDLA-Permissive-1.0'],
    ],
    expected: { class: 0, progress: { 1: 0, 2: 0, 3: 50 } },
  },
  {
    name: '17 Class1TestFile_C1_100%-C2_100%-C3_100%_15C_2G_15L_15V_0I_15T',
    globals: { distribution: 'Apache-1.0', code: 'UPL-1.0' },
    components: [
      [ARCH, 'AFL-1.2'],
      [PREP, 'AFL-2.1'],
      [TRAIN, 'ISC'],
      [INFER, 'AFL-1.1'],
      [EVAL_CODE, 'AFL-3.0'],
      [LIBS, 'AFL-2.1'],
      [FINAL, 'CC-BY-SA-4.0'],
      [INTER, 'CC-BY-3.0-US'],
      [DATASETS, 'CC-BY-3.0-NL'],
      [EVAL_DATA, 'CC-BY-3.0-NL'],
      [SAMPLES, 'CC0-1.0'],
      [CARD, 'CC-BY-SA-3.0'],
      [DATA_CARD, 'CC0-1.0'],
      [PAPER, 'CC-BY-4.0'],
      [RESULTS, 'CC-BY-4.0'],
    ],
    expected: { class: 1, progress: { 1: 100, 2: 100, 3: 100 } },
  },
];

describe('MOF rating equals what the Model Openness Tool recorded (Test_Data/expected_results.json)', () => {
  it.each(RECORDED.map((recorded) => [recorded.name, recorded] as const))('%s', (_name, recorded) => {
    const entry = release(recorded);
    expect(evaluateMotRelease(entry)).toEqual(recorded.expected);
    const ours = rateWithAperture(stringify({ release: entry }), `${recorded.name}.yml`);
    expect({ mofClass: ours.mofClass, progress: ours.progress }).toEqual(asAperture(recorded.expected));
  });
});

/** Case 17 (class I), with its components changed: `replace` maps a MOF name to its new license. */
function classOneWith(
  replace: Record<string, string | undefined>,
  globals: Record<string, string>,
  producer = 'Test',
): Record<string, unknown> {
  const base = RECORDED.find((recorded) => recorded.name.startsWith('17 '))!;
  const entry = release({
    ...base,
    globals,
    components: base.components.map(([name, license]) =>
      name in replace ? ([name, replace[name]] as RecordedComponent) : [name, license],
    ),
  });
  return { ...entry, producer };
}

/**
 * The tool's rules that Aperture read differently before issue 14, each as a case whose class the old
 * reading got wrong: the class here is what the tool's PHP gives (see the reference's header).
 */
const RULES: Array<{ name: string; entry: Record<string, unknown>; mofClass: 'I' | 'II' | 'III' | null }> = [
  {
    // '' is a license that is set: unlicensed, with no fallback to the code or distribution license.
    name: "a component with license '' is unlicensed",
    entry: classOneWith({ [DATASETS]: '' }, { distribution: 'Apache-1.0', code: 'UPL-1.0' }),
    mofClass: 'II',
  },
  {
    // Datasets fall back to the data license, then the distribution license, and never to `code`.
    name: 'a dataset without a license does not take the code license',
    entry: classOneWith({ [DATASETS]: undefined }, { code: 'UPL-1.0', document: 'CC-BY-4.0' }),
    mofClass: 'II',
  },
  {
    name: 'a dataset without a license takes the data license',
    entry: classOneWith({ [DATASETS]: undefined }, { code: 'UPL-1.0', data: 'CC-BY-4.0' }),
    mofClass: 'I',
  },
  {
    name: 'a dataset without a license and no data license takes the distribution license',
    entry: classOneWith({ [DATASETS]: undefined }, { code: 'Other', distribution: 'CC0-1.0' }),
    mofClass: 'I',
  },
  {
    name: 'OpenMDW-1.0 is open',
    entry: classOneWith({ [FINAL]: 'OpenMDW-1.0' }, {}),
    mofClass: 'I',
  },
  {
    // mof_schema.json requires `producer` as a string, and '' is one: the tool rates the file.
    name: 'an empty producer is rated',
    entry: classOneWith({}, {}, ''),
    mofClass: 'I',
  },
];

describe("MOF rating follows the tool's license rules (issue 14)", () => {
  it.each(RULES.map((rule) => [rule.name, rule] as const))('%s', (_name, rule) => {
    const reference = evaluateMotRelease(rule.entry);
    expect(CLASS_NAMES[reference.class]).toBe(rule.mofClass);
    const ours = rateWithAperture(stringify({ release: rule.entry }), 'rule.yml');
    expect({ mofClass: ours.mofClass, progress: ours.progress }).toEqual(asAperture(reference));
  });

  it('keeps an empty producer as no producer, not as an organization named ""', () => {
    const ours = rateWithAperture(stringify({ release: classOneWith({}, {}, '  ') }), 'anonymous.yml');
    expect(ours.producer).toBeNull();
    const [missing] = parseMotYaml(stringify({ release: { name: 'x', components: [] } }), 'x.yml');
    // Without the key the file is not the tool's schema (producer is required): still rejected.
    expect(missing).toMatchObject({ kind: 'rejected', reason: expect.stringContaining('producer') });
  });
});
