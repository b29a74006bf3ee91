import { isApertureError } from '../errors.ts';
import { type Award, AwardSchema, type ProgramDefinition, validateProgramValue } from '../programs/index.ts';
import type { DestinationOptions } from '../util/index.ts';
import { acceptCheckSource } from './check-source.ts';
import { fieldError } from './http-errors.ts';

// Codes a refused source keeps; other refusals (ERR_GIT_URL, ERR_HF_ID) answer as ERR_USAGE, as before.
const KEPT_SOURCE_CODES = new Set(['ERR_DESTINATION_REFUSED', 'ERR_SOURCE_UNAVAILABLE']);

/**
 * Refuses award and deliverable sources the server must not read: over HTTP only `hf:` ids and https git
 * URLs on public addresses are accepted (as for POST /api/check), never a path on the server's disk nor
 * an internal network destination.
 */
async function refuseUnsafeSources(
  award: Award,
  field: string,
  destination: DestinationOptions,
): Promise<void> {
  const sources: Array<[string | undefined, string]> = [
    [award.source, `${field}.source`],
    ...award.deliverables.map((deliverable, index): [string | undefined, string] => [
      deliverable.source,
      `${field}.deliverables.${index}.source`,
    ]),
  ];
  for (const [source, sourceField] of sources) {
    if (source === undefined) continue;
    try {
      await acceptCheckSource(source, destination);
    } catch (error) {
      const code = isApertureError(error) && KEPT_SOURCE_CODES.has(error.code) ? error.code : 'ERR_USAGE';
      throw fieldError(code, error instanceof Error ? error.message : String(error), sourceField);
    }
  }
}

/** Validates a program body; policy files, local sources and internal destinations are refused over HTTP. */
export async function programFromBody(
  body: unknown,
  destination: DestinationOptions,
): Promise<ProgramDefinition> {
  const validation = validateProgramValue(body, 'body');
  if (!validation.ok) {
    const issue = validation.issues[0]!;
    throw fieldError(
      'ERR_USAGE',
      `invalid body field ${issue.path || '(root)'}: ${issue.message}`,
      issue.path || 'body',
    );
  }
  validation.value.requirements.forEach((requirement, index) => {
    if (requirement.kind === 'release-pack' && typeof requirement.policy === 'string') {
      throw fieldError(
        'ERR_USAGE',
        'a policy file path is not accepted over HTTP; give the policy inline',
        `requirements.${index}.policy`,
      );
    }
  });
  for (const [index, award] of validation.value.awards.entries()) {
    await refuseUnsafeSources(award, `awards.${index}`, destination);
  }
  return validation.value;
}

/** Validates an award body; local sources and internal destinations are refused over HTTP. */
export async function awardFromBody(body: unknown, destination: DestinationOptions): Promise<Award> {
  const result = AwardSchema.safeParse(body);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const field = issue.path.map(String).join('.') || 'body';
    throw fieldError('ERR_USAGE', `invalid body field ${field}: ${issue.message}`, field);
  }
  await refuseUnsafeSources(result.data, 'body', destination);
  return result.data;
}
