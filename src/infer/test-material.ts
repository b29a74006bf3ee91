/** Folders that hold a project's tests and their fixtures, wherever they sit. */
const TEST_FOLDER =
  /^(tests?|testing|__tests__|test[_-]?fixtures?|fixtures?|test[_-]?data|testdata|test[_-]?assets|unit[_-]?tests?|integration[_-]?tests?|e2e|mocks?|__mocks__|dummy[\w-]*)$/i;
/** Names of stand-in models and files made for tests: dummy, tiny-random. */
const STAND_IN = /(^|[_.-])(dummy|tiny[_-]random|random[_-]tiny)([_.-]|$)/i;
/** Every test-material path holds one of these words; a cheap first look. */
const MAY_BE_TEST_MATERIAL = /test|fixture|mock|e2e|dummy|random/i;
/** Folders in which a `test` folder is a data split, not a test suite. */
const DATA_FOLDER =
  /^(data|datasets?|corpus|corpora|splits?|evals?|evaluation|eval[_-]?data|evaluation[_-]?data|benchmarks?)$/i;

/**
 * True for files that belong to a project's tests rather than to the release: anything under tests/,
 * testing/, test_fixtures/, fixtures/, mocks … and stand-in models (dummy, tiny-random). A `test`
 * folder inside a data folder is a data split and stays (data/test/*.parquet is evaluation data).
 *
 * @example
 * isTestMaterial('tests/fixtures/model.safetensors') // true
 * isTestMaterial('data/test/part-0.parquet')         // false
 */
export function isTestMaterial(path: string): boolean {
  // Most paths name no test folder and no stand-in: answer those without splitting.
  if (!MAY_BE_TEST_MATERIAL.test(path)) return false;
  const segments = path.split('/');
  const name = segments.at(-1) ?? '';
  const folders = segments.slice(0, -1);
  for (let i = 0; i < folders.length; i++) {
    const folder = folders[i]!;
    if (!TEST_FOLDER.test(folder)) continue;
    const isSplit = /^test$/i.test(folder) && folders.slice(0, i).some((above) => DATA_FOLDER.test(above));
    if (!isSplit) return true;
  }
  return folders.some((folder) => STAND_IN.test(folder)) || STAND_IN.test(name.replace(/\.[^.]+$/, ''));
}
