/**
 * The Hugging Face Hub page of a model or dataset named `owner/name`; undefined for any other name
 * (a bare name or free text names no Hub repository).
 *
 * @example
 * hubUrl('allenai/dolma', 'datasets'); // 'https://huggingface.co/datasets/allenai/dolma'
 * hubUrl('my model', 'models'); // undefined
 */
export function hubUrl(name: string, kind: 'models' | 'datasets'): string | undefined {
  if (!/^[\w.-]+\/[\w.-]+$/.test(name)) return undefined;
  return `https://huggingface.co/${kind === 'datasets' ? `datasets/${name}` : name}`;
}
