/** An OpenAPI document, as far as this module reads it. */
interface OpenApiDocument {
  components?: { schemas?: Record<string, unknown> };
  [key: string]: unknown;
}

const SCHEMA_REF = '#/components/schemas/';

/** The schema names referenced anywhere in VALUE. */
function referencedSchemas(value: unknown, found: Set<string>): Set<string> {
  if (Array.isArray(value)) {
    for (const item of value) referencedSchemas(item, found);
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (key === '$ref' && typeof item === 'string' && item.startsWith(SCHEMA_REF)) {
        found.add(decodeURIComponent(item.slice(SCHEMA_REF.length)));
      } else {
        referencedSchemas(item, found);
      }
    }
  }
  return found;
}

/**
 * The document without the component schemas that nothing uses (the zod type provider registers an
 * input and an output variant of every named schema; responses use only the output ones). A schema
 * that only another unused schema references goes too.
 */
export function dropUnusedSchemas<Document extends OpenApiDocument>(document: Document): Document {
  const schemas = document.components?.schemas;
  if (!schemas) return document;
  const { components, ...rest } = document;
  const used = referencedSchemas(rest, new Set());
  // Schemas used by used schemas, until nothing new is found.
  for (let grown = true; grown; ) {
    grown = false;
    for (const name of [...used]) {
      for (const inner of referencedSchemas(schemas[name], new Set())) {
        if (!used.has(inner)) {
          used.add(inner);
          grown = true;
        }
      }
    }
  }
  const kept = Object.fromEntries(Object.entries(schemas).filter(([name]) => used.has(name)));
  return { ...document, components: { ...components, schemas: kept } };
}
