import { z } from 'zod';

/** What a parameter is, for listings and docs (GET /api/indicators, docs/indicators.md). */
export interface IndicatorParameterInfo {
  description: string;
  type: 'integer' | 'text';
  default?: string | number;
  /** The accepted values of a text parameter, when it is a closed list. */
  choices?: readonly string[];
  /** Bounds of an integer parameter (inclusive). */
  min?: number;
  max?: number;
}

/** A parameter an indicator accepts, with its name: one field of the indicator's `params`. */
export interface IndicatorParameter extends IndicatorParameterInfo {
  name: string;
}

/**
 * One field of an indicator's `params`: takes the value as a URL or a command line gives it (text) or as
 * code does (a number), applies the default, and gives the value `run` sees, or an issue whose message
 * says what is wrong and what was given.
 */
export type IndicatorParameterSchema = z.ZodType<string | number | undefined, string | number | undefined>;

/** An indicator's parameters: `z.object({ name: parameter, … })`, in the order they are listed. */
export type IndicatorParamsSchema = z.ZodObject<Record<string, IndicatorParameterSchema>>;

/** The longest text a text parameter takes. */
const MAX_TEXT = 200;

/** Every parameter schema with its description, so listings and docs are read from the schemas. */
const PARAMETER_INFO = z.registry<IndicatorParameterInfo>();

function parameter(
  info: IndicatorParameterInfo,
  check: (value: string | number) => { value: string | number } | { why: string },
): IndicatorParameterSchema {
  // Any number gets to the check, NaN included, so the message is always the parameter's own.
  const schema = z
    .custom<string | number>((value) => typeof value === 'string' || typeof value === 'number')
    .optional()
    .transform((raw, context) => {
      const value = raw ?? info.default;
      if (value === undefined) return undefined;
      const result = check(value);
      if ('value' in result) return result.value;
      context.addIssue({ code: 'custom', message: `${result.why} (got ${JSON.stringify(value)})` });
      return z.NEVER;
    });
  PARAMETER_INFO.add(schema, info);
  return schema;
}

/**
 * An integer parameter, optionally bounded (inclusive) and with a default; text such as `"2020"` is read
 * as the integer it spells.
 *
 * @example
 * const top = integerParameter({ description: 'how many labs', default: 10, min: 1, max: 100 });
 */
export function integerParameter(
  info: Omit<IndicatorParameterInfo, 'type' | 'choices'>,
): IndicatorParameterSchema {
  return parameter({ ...info, type: 'integer' }, (value) => {
    const text = String(value).trim();
    if (!/^-?\d+$/.test(text)) return { why: 'must be an integer' };
    const number = Number(text);
    if (info.min !== undefined && number < info.min) return { why: `must be at least ${info.min}` };
    if (info.max !== undefined && number > info.max) return { why: `must be at most ${info.max}` };
    return { value: number };
  });
}

/**
 * A text parameter of at most 200 characters, optionally one of a closed list, with an optional default.
 *
 * @example
 * const by = textParameter({ description: 'group by', default: 'country', choices: ['country', 'region'] });
 */
export function textParameter(
  info: Omit<IndicatorParameterInfo, 'type' | 'min' | 'max'>,
): IndicatorParameterSchema {
  return parameter({ ...info, type: 'text' }, (value) => {
    const text = String(value);
    if (text.trim() === '' || text.length > MAX_TEXT)
      return { why: `must be a non-empty text of at most ${MAX_TEXT} characters` };
    if (info.choices && !info.choices.includes(text))
      return { why: `must be one of ${info.choices.join(', ')}` };
    return { value: text };
  });
}

/**
 * The parameters of a `params` schema with their descriptions, in order (the indicator's listing).
 *
 * @example
 * listIndicatorParameters(openShareTopLabs.params).map((parameter) => parameter.name); // ['source', 'top', 'from', 'to']
 */
export function listIndicatorParameters(params: IndicatorParamsSchema): IndicatorParameter[] {
  return Object.entries(params.shape).map(([name, schema]) => {
    const info = PARAMETER_INFO.get(schema);
    if (!info)
      throw new TypeError(`indicator parameter ${name} was not made by integerParameter or textParameter`);
    // Always in this order, as listings print them.
    return {
      name,
      description: info.description,
      type: info.type,
      ...(info.default !== undefined ? { default: info.default } : {}),
      ...(info.choices !== undefined ? { choices: info.choices } : {}),
      ...(info.min !== undefined ? { min: info.min } : {}),
      ...(info.max !== undefined ? { max: info.max } : {}),
    };
  });
}
