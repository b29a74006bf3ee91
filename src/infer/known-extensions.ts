/**
 * Extensions of files that hold model parameters, in the frameworks inference knows. The path finder
 * (find-weights) and the link classifier (find-links) build their patterns on this list, each adding
 * the few extensions it alone takes.
 */
export const WEIGHT_EXTENSIONS: readonly string[] = [
  'safetensors',
  'gguf',
  'ggml',
  'pt',
  'pth',
  'ckpt',
  'onnx',
  'h5',
  'msgpack',
  'tflite',
  'nemo',
  'pdparams',
  'mlmodel',
];

/**
 * Extensions of dataset files: columnar, record and line-delimited formats, some compressed. The path
 * finder (find-datasets) and the link classifier (find-links) build their patterns on this list, each
 * adding the few extensions it alone takes.
 */
export const DATA_EXTENSIONS: readonly string[] = [
  'parquet',
  'arrow',
  'jsonl',
  'ndjson',
  'jsonl.gz',
  'jsonl.zst',
  'json.gz',
  'csv.gz',
  'tfrecord',
  'txt.gz',
];

/**
 * The pattern source of a dot and any of these extensions (`\.(parquet|jsonl\.gz)`), to end a file
 * name pattern with `$` (a path) or `(\?|$)` (a URL).
 *
 * @example
 * new RegExp(`${extensionPattern(['parquet', 'jsonl.gz'])}$`, 'i').test('data/train.jsonl.gz') // true
 */
export function extensionPattern(extensions: readonly string[]): string {
  return `\\.(${extensions.map((extension) => extension.replace(/\./g, '\\.')).join('|')})`;
}
