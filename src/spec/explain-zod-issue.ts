import { distance } from 'fastest-levenshtein';
import type { z } from 'zod';

/** A zod issue explained for a person, at a path (the key itself when `atKey`). */
export interface ExplainedIssue {
  path: PropertyKey[];
  message: string;
  /** Located at the key of the field rather than its value (an unknown field has only its key). */
  atKey?: boolean;
}

type Schema = z.core.$ZodType;

/** How a value is named in a message: `null`, `a list`, `a mapping`, `"text"` (shortened), `42`. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `"${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
  return String(value);
}

function childOf(value: unknown, key: PropertyKey): unknown {
  if (value === null || typeof value !== 'object') return undefined;
  return (value as Record<PropertyKey, unknown>)[key];
}

function valueAt(root: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  return path.reduce<unknown>(childOf, root);
}

/** The schema behind optional, default, nullable, pipe (transform) and lazy wrappers. */
function unwrap(schema: Schema): Schema {
  let current = schema;
  for (;;) {
    const def = (current as z.core.$ZodTypes)._zod.def;
    switch (def.type) {
      case 'optional':
      case 'nullable':
      case 'default':
      case 'prefault':
      case 'nonoptional':
      case 'readonly':
      case 'catch':
        current = def.innerType;
        break;
      case 'pipe':
        current = def.in;
        break;
      case 'lazy':
        current = def.getter();
        break;
      default:
        return current;
    }
  }
}

/** A union's option that `value` belongs to: by its discriminator, or the only mapping option. */
function optionFor(union: z.core.$ZodUnionDef, value: unknown): Schema | undefined {
  const objects = union.options.map(unwrap).filter((option) => option._zod.def.type === 'object');
  const discriminator = (union as Partial<z.core.$ZodDiscriminatedUnionDef>).discriminator;
  if (discriminator === undefined) return objects.length === 1 ? objects[0] : undefined;
  const wanted = childOf(value, discriminator);
  return objects.find((option) => {
    const field = (option as z.core.$ZodObject)._zod.def.shape[discriminator];
    const def = field && (unwrap(field) as z.core.$ZodTypes)._zod.def;
    return def?.type === 'literal' && def.values.includes(wanted as z.core.util.Literal);
  });
}

/** The schema of the field at `path`, walked along the input so a union picks the option in use. */
function schemaAt(root: Schema, path: ReadonlyArray<PropertyKey>, input: unknown): Schema | undefined {
  let schema: Schema | undefined = root;
  let value = input;
  for (let index = 0; ; index++) {
    if (schema === undefined) return undefined;
    schema = unwrap(schema);
    // A union stands for the option the input uses (its discriminator, or its only mapping option).
    const outer = (schema as z.core.$ZodTypes)._zod.def;
    if (outer.type === 'union') schema = optionFor(outer, value);
    if (schema === undefined || index === path.length) return schema;
    const key = path[index]!;
    const def = (schema as z.core.$ZodTypes)._zod.def;
    if (def.type === 'object') schema = def.shape[key as string];
    else if (def.type === 'record') schema = def.valueType;
    else if (def.type === 'array') schema = def.element;
    else return undefined;
    value = childOf(value, key);
  }
}

/** The field names allowed at `path`: an object's keys, or a record's enumerated keys; [] when open. */
function knownKeys(root: Schema, path: ReadonlyArray<PropertyKey>, input: unknown): string[] {
  const schema = schemaAt(root, path, input);
  const def = schema && (schema as z.core.$ZodTypes)._zod.def;
  if (def?.type === 'object') return Object.keys(def.shape);
  if (def?.type === 'record') {
    const keys = (unwrap(def.keyType) as z.core.$ZodTypes)._zod.def;
    return keys.type === 'enum' ? Object.values(keys.entries).map(String) : [];
  }
  return [];
}

/** The candidate closest to `word`, when it is close enough to be a typo of it. */
function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    const d = distance(word.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}

/** `; did you mean "x"?`, or the allowed names when none is close, or nothing when any name goes. */
function suggestion(word: string, allowed: readonly string[]): string {
  const near = closest(word, allowed);
  if (near !== undefined) return `; did you mean "${near}"?`;
  return allowed.length > 0 ? ` (allowed: ${allowed.join(', ')})` : '';
}

const EXPECTED_WORDS: Record<string, string> = {
  object: 'a mapping',
  array: 'a list',
  int: 'an integer',
};

/** `must be one of a, b (found "c")`, or `is required (one of a, b)` when nothing was given. */
function oneOf(values: readonly unknown[], found: unknown): string {
  const list = values.map(String).join(', ');
  return found === undefined
    ? `is required (one of ${list})`
    : `must be one of ${list} (found ${describeValue(found)})`;
}

/** A type mismatch of the value itself (not of a field inside it): the option was not meant. */
const missesType = (error: z.core.$ZodIssue) =>
  error.path.length === 0 && (error.code === 'invalid_type' || error.code === 'invalid_value');

/**
 * The issues of the one union option the value was meant for, which say what is wrong better than zod's
 * "Invalid input": the option whose type matched (only its fields are wrong), or else the only option
 * that is not of another type (an enum given a wrong word); undefined when that is not clear.
 */
function matchedOption(options: readonly z.core.$ZodIssue[][]): z.core.$ZodIssue[] | undefined {
  const shaped = options.filter((errors) => !errors.some(missesType));
  if (shaped.length > 0) return shaped.length === 1 ? shaped[0] : undefined;
  const typed = options.filter(
    (errors) => !errors.some((error) => error.path.length === 0 && error.code === 'invalid_type'),
  );
  return typed.length === 1 ? typed[0] : undefined;
}

// zod's own wording starts like this; a schema's custom message is kept as written.
const isDefault = (message: string, prefix: string) => message.startsWith(prefix);

function explainOne(issue: z.core.$ZodIssue, input: unknown, root: Schema): ExplainedIssue[] {
  const path = issue.path as PropertyKey[];
  const found = valueAt(input, path);
  switch (issue.code) {
    case 'invalid_type':
      if (found === undefined) return [{ path, message: 'is required' }];
      if (issue.expected === 'string' && (typeof found === 'number' || typeof found === 'boolean')) {
        // YAML reads 2024, 1e5, yes and all-digit digests as numbers or booleans unless quoted.
        return [
          {
            path,
            message: `must be text; YAML read ${String(found)} as a ${typeof found}, so put it in quotes`,
          },
        ];
      }
      return [
        {
          path,
          message: `must be ${EXPECTED_WORDS[issue.expected] ?? `a ${issue.expected}`} (found ${describeValue(found)})`,
        },
      ];
    case 'invalid_value':
      return [{ path, message: issue.values.length === 1 ? issue.message : oneOf(issue.values, found) }];
    case 'invalid_union': {
      if (issue.discriminator !== undefined && 'options' in issue && issue.options) {
        const at = path[path.length - 1] === issue.discriminator ? path : [...path, issue.discriminator];
        return [{ path: at, message: oneOf(issue.options, valueAt(input, at)) }];
      }
      const option = matchedOption(issue.errors);
      if (option === undefined) return [{ path, message: issue.message }];
      return option.flatMap((inner) => explainOne({ ...inner, path: [...path, ...inner.path] }, input, root));
    }
    case 'unrecognized_keys': {
      const allowed = knownKeys(root, path, input);
      return issue.keys.map((key) => ({
        path: [...path, key],
        atKey: true,
        message: `unknown field ${JSON.stringify(key)}${suggestion(key, allowed)}`,
      }));
    }
    case 'invalid_key': {
      const key = String(path[path.length - 1] ?? '');
      const allowed = knownKeys(root, path.slice(0, -1), input);
      const why = allowed.length === 0 ? issue.issues[0]?.message : undefined;
      return [
        {
          path,
          atKey: true,
          message: `unknown key ${JSON.stringify(key)}${why ? `: ${why}` : suggestion(key, allowed)}`,
        },
      ];
    }
    case 'too_small': {
      if (!isDefault(issue.message, 'Too small')) return [{ path, message: issue.message }];
      const minimum = String(issue.minimum);
      if (issue.origin === 'array' || issue.origin === 'set')
        return [{ path, message: `needs at least ${minimum} item(s)` }];
      if (issue.origin === 'string')
        return [
          {
            path,
            message: issue.minimum === 1 ? 'must not be empty' : `needs at least ${minimum} characters`,
          },
        ];
      return [
        {
          path,
          message: issue.inclusive === false ? `must be more than ${minimum}` : `must be at least ${minimum}`,
        },
      ];
    }
    case 'too_big': {
      if (!isDefault(issue.message, 'Too big')) return [{ path, message: issue.message }];
      const maximum = String(issue.maximum);
      if (issue.origin === 'array' || issue.origin === 'set')
        return [{ path, message: `takes at most ${maximum} item(s)` }];
      if (issue.origin === 'string') return [{ path, message: `takes at most ${maximum} characters` }];
      return [
        {
          path,
          message: issue.inclusive === false ? `must be less than ${maximum}` : `must be at most ${maximum}`,
        },
      ];
    }
    case 'not_multiple_of':
      return [{ path, message: `must be a multiple of ${issue.divisor}` }];
    default:
      return [{ path, message: issue.message }];
  }
}

/**
 * Turns zod issues into sentences a document's author understands, at the paths they are about: a field
 * that is missing is `required`, a value YAML read as a number must be quoted, an unknown field gets a
 * "did you mean" from the fields the schema allows there, a bad choice lists the choices. Messages a
 * schema words itself (custom refinements, `{ error }`) are kept as written.
 *
 * @example
 * const result = ReleasePackSchema.safeParse(value);
 * if (!result.success) explainZodIssues(result.error.issues, value, ReleasePackSchema);
 * // [{ path: ['model', 'organisation'], atKey: true, message: 'unknown field "organisation"; did you mean "organization"?' }]
 */
export function explainZodIssues(
  issues: readonly z.core.$ZodIssue[],
  input: unknown,
  schema: Schema,
): ExplainedIssue[] {
  return issues.flatMap((issue) => explainOne(issue, input, schema));
}
