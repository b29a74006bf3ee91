import { isRecord } from '../../util/index.ts';

/** The highest word position an abstract may have (OpenAlex abstracts are a few hundred words). */
export const MAX_ABSTRACT_POSITION = 20_000;

/**
 * The text of an OpenAlex `abstract_inverted_index` (`{ word: [positions…] }`): the words in position
 * order, joined by spaces. Null when there is none (null or absent); a reason when it is not an object of
 * lists of whole positions up to MAX_ABSTRACT_POSITION.
 *
 * @example
 * abstractText({ Qwen: [0], 'fine-tuned.': [2], is: [1] }) // 'Qwen is fine-tuned.'
 */
export function abstractText(index: unknown): string | null | { problem: string } {
  if (index === null || index === undefined) return null;
  if (!isRecord(index)) return { problem: 'abstract_inverted_index is not an object' };
  const words: string[] = [];
  for (const [word, positions] of Object.entries(index)) {
    if (!Array.isArray(positions))
      return { problem: `abstract_inverted_index[${JSON.stringify(word.slice(0, 40))}] is not a list` };
    for (const position of positions) {
      if (
        typeof position !== 'number' ||
        !Number.isInteger(position) ||
        position < 0 ||
        position > MAX_ABSTRACT_POSITION
      )
        return {
          problem: `abstract_inverted_index[${JSON.stringify(word.slice(0, 40))}] holds ${JSON.stringify(position)?.slice(0, 20)}, not a word position`,
        };
      words[position] = word;
    }
  }
  const text = words.filter((word) => word !== undefined).join(' ');
  return text === '' ? null : text;
}
