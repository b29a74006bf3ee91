// Writes the JSON Schemas generated from the zod schemas into schemas/ (committed; a test checks drift).
import { writeFileSync } from 'node:fs';
import { renderSchemaFiles } from './schema-files.ts';

for (const [file, content] of Object.entries(renderSchemaFiles())) {
  writeFileSync(new URL(`../${file}`, import.meta.url), content);
  console.log(`wrote ${file}`);
}
