import { z } from 'zod';
import type { IndicatorDefinition } from './indicator-definition.ts';
import { listIndicatorParameters } from './indicator-parameter.ts';
import { INDICATORS } from './indicator-registry.ts';

/** The longest value a query field carries (the text parameters' own limit). */
const MAX_QUERY_VALUE = 200;

/**
 * The query fields of GET /api/indicators/:name, made from the indicators' `params`: one optional text
 * field per parameter name, described with what it means for each indicator that takes it. The route
 * adds them to its query schema so the OpenAPI document lists them; runIndicator validates the values
 * against the named indicator.
 *
 * @example
 * const querystring = IndicatorQuerySchema.extend(indicatorQueryFields());
 */
export function indicatorQueryFields(
  indicators: readonly IndicatorDefinition[] = INDICATORS,
): Record<string, z.ZodOptional<z.ZodString>> {
  const uses = new Map<string, Map<string, string[]>>();
  for (const indicator of indicators) {
    for (const parameter of listIndicatorParameters(indicator.params)) {
      const meanings = uses.get(parameter.name) ?? new Map<string, string[]>();
      const note = [
        parameter.description,
        parameter.choices ? `one of ${parameter.choices.join(', ')}` : null,
        parameter.min !== undefined && parameter.max !== undefined
          ? `${parameter.min}–${parameter.max}`
          : null,
        parameter.default !== undefined ? `default ${parameter.default}` : null,
      ]
        .filter((part) => part !== null)
        .join('; ');
      meanings.set(note, [...(meanings.get(note) ?? []), indicator.id]);
      uses.set(parameter.name, meanings);
    }
  }
  return Object.fromEntries(
    [...uses].map(([name, meanings]) => [
      name,
      z
        .string()
        .max(MAX_QUERY_VALUE)
        .optional()
        .describe([...meanings].map(([note, ids]) => `${note} (${ids.join(', ')})`).join(' · ')),
    ]),
  );
}
