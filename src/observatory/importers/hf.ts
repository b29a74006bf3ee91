import type { CatalogBatch } from '../catalog/catalog-batch.ts';
import { fetchHfListing } from './fetch-hf-listing.ts';
import type { Importer } from './importer.ts';
import { recordItem } from './parse-item.ts';

/** The models of a Hugging Face Hub author, with lineage and downloads. */
export const hf: Importer = {
  id: 'hf',
  title: 'Hugging Face Hub models',
  summary: 'Hugging Face Hub models of an author, with base_model lineage and downloads',
  docs: {
    source:
      'The model listing of one Hub user or organization, read from the Hub API (`HF_ENDPOINT` or https://huggingface.co, `--endpoint` to choose; `HF_TOKEN` for private models), page by page, with retries on 429 and 5xx. `--limit` caps the models read; `--organization` names the organization the author stands for.',
    records:
      'Each model becomes a model of source `hf` named `author/name` (accessibility from its card license and gating, domain from the pipeline tag, parameters from safetensors), an adoption snapshot dated today (downloads, likes) and lineage edges from `cardData.base_model` and the `base_model:` tags (a parent not yet in the catalog gets a placeholder). With `--organization`, the author becomes an alias of that organization, so its models count for it. An entry without a valid id of that author is rejected with its position in the listing.',
  },
  argument: 'AUTHOR',
  source: 'name',
  acceptsUrl: false,
  primaryTable: 'models',
  example: 'aperture import hf deepseek-ai --organization DeepSeek',
  async *read(input, options) {
    const author = input.path;
    const listing = fetchHfListing({
      author,
      ...(options.endpoint ? { endpoint: options.endpoint } : {}),
      ...(options.token ? { token: options.token } : {}),
      ...(options.limit ? { limit: options.limit } : {}),
      ...options.hubTuning,
    });
    let first = true;
    for await (const item of listing) {
      if (item.kind === 'rejected') {
        yield item;
        continue;
      }
      const { model, adoption, lineage } = item.value;
      const batch: CatalogBatch = { models: [model], adoption: [adoption], lineage };
      // The alias goes with the first model, so the author's models get the organization from then on.
      if (first && options.organization) {
        batch.aliases = [{ alias: author, organization: options.organization, source: model.source }];
      }
      first = false;
      yield recordItem(batch);
    }
  },
};
