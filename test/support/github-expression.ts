/**
 * The part of GitHub Actions expressions (`${{ … }}`) that the repository's action.yml uses, for tests
 * that run the action's steps as a runner would: `inputs.NAME`, `steps.ID.outputs.NAME`, `always()`,
 * 'string' literals, `==`, `!=` and `&&`. Anything else throws, so the action cannot drift past what the
 * tests can evaluate.
 */
export interface ExpressionContext {
  inputs: Record<string, string>;
  steps: Record<string, { outputs: Record<string, string> }>;
}

function operand(text: string, context: ExpressionContext): string | boolean {
  const token = text.trim();
  if (token === 'always()') return true;
  const literal = /^'((?:[^']|'')*)'$/.exec(token);
  if (literal) return literal[1]!.replace(/''/g, "'");
  const input = /^inputs\.([\w-]+)$/.exec(token);
  if (input) {
    if (!(input[1]! in context.inputs)) throw new Error(`unknown input ${input[1]}`);
    return context.inputs[input[1]!]!;
  }
  const output = /^steps\.([\w-]+)\.outputs\.([\w-]+)$/.exec(token);
  if (output) return context.steps[output[1]!]?.outputs[output[2]!] ?? '';
  throw new Error(`expression not understood by the test runner: ${token}`);
}

function comparison(text: string, context: ExpressionContext): string | boolean {
  const match = /^(.*?)(==|!=)(.*)$/.exec(text);
  if (!match) return operand(text, context);
  const equal = operand(match[1]!, context) === operand(match[3]!, context);
  return match[2] === '==' ? equal : !equal;
}

/** The value of one expression (the text between `${{` and `}}`). */
export function evaluateExpression(expression: string, context: ExpressionContext): string | boolean {
  const parts = expression.split('&&');
  if (parts.length === 1) return comparison(expression, context);
  return parts.every((part) => comparison(part, context) === true);
}

/** A string with each `${{ … }}` replaced by its value (as the runner does for `env` and `with`). */
export function substituteExpressions(text: string, context: ExpressionContext): string {
  return text.replace(/\$\{\{(.*?)\}\}/g, (_, expression: string) =>
    String(evaluateExpression(expression, context)),
  );
}

/** Whether a step's `if:` holds (a step without one runs when the earlier steps succeeded). */
export function stepCondition(condition: string | undefined, context: ExpressionContext): boolean {
  if (condition === undefined) return true;
  const inner = /^\$\{\{(.*)\}\}$/s.exec(condition.trim());
  return evaluateExpression(inner ? inner[1]! : condition, context) === true;
}
