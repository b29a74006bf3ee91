import type { ManifestState } from './evidence.ts';
import { ReleasePackSchema } from './release-pack-schema.ts';
import { validateYamlDocument } from './validate-yaml-document.ts';

/**
 * Validates manifest text: YAML syntax, safety limits and the schema. Syntax and schema problems come
 * back as located issues; safety-limit breaches abort with ERR_YAML_LIMIT.
 *
 * @example
 * const state = validateManifestText(text, 'release-pack.yaml');
 * if (state.state === 'invalid') for (const i of state.issues) console.log(`${i.line}:${i.column} ${i.message}`);
 */
export function validateManifestText(text: string, file: string): ManifestState {
  const checked = validateYamlDocument(text, ReleasePackSchema, {
    file,
    mappingMessage: 'must be a mapping with spec, model and components',
  });
  if (!checked.ok) return { state: 'invalid', file, issues: checked.issues };
  const componentLines: Record<string, number> = {};
  for (const id of Object.keys(checked.value.components)) {
    const at = checked.locate(['components', id], { atKey: true });
    if (at) componentLines[id] = at.line;
  }
  return { state: 'valid', file, value: checked.value, componentLines };
}
