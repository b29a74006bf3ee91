import { describe, expect, it } from 'vitest';
import { awardFromBody, programFromBody } from './program-bodies.ts';

const destination = {};

const program = {
  spec: 'aperture.dev/program/v1',
  id: 'body-residency',
  name: 'Body residency',
  kind: 'residency',
  funder: 'Demo Funder',
  currency: 'USD',
  totalBudget: 1000,
  requirements: [{ id: 'kt', kind: 'knowledge-transfer', goals: { talks: 1 } }],
};

const award = {
  id: 'body-award',
  recipient: 'R',
  recipientType: 'person',
  money: 400,
  startDate: '2026-01-01',
  endDate: '2026-12-31',
};

async function refusal(work: Promise<unknown>) {
  return work.then(
    () => null,
    (error: { code: string; field?: string; message: string }) => error,
  );
}

describe('programFromBody', () => {
  it('returns the validated definition', async () => {
    expect((await programFromBody(program, destination)).id).toBe('body-residency');
  });

  it('names the bad field, a policy file path and a local award source', async () => {
    expect(await refusal(programFromBody({ ...program, kind: 'loan' }, destination))).toMatchObject({
      code: 'ERR_USAGE',
      field: 'kind',
    });
    const policy = {
      ...program,
      requirements: [...program.requirements, { id: 'r', kind: 'release-pack', policy: '/etc/passwd' }],
    };
    expect(await refusal(programFromBody(policy, destination))).toMatchObject({
      field: 'requirements.1.policy',
      message: 'a policy file path is not accepted over HTTP; give the policy inline',
    });
    expect(
      await refusal(programFromBody({ ...program, awards: [{ ...award, source: '/home' }] }, destination)),
    ).toMatchObject({ code: 'ERR_USAGE', field: 'awards.0.source' });
  });
});

describe('awardFromBody', () => {
  it('returns the validated award and refuses sources on the server disk, naming the field', async () => {
    expect((await awardFromBody(award, destination)).id).toBe('body-award');
    expect(await refusal(awardFromBody({ ...award, money: 'a lot' }, destination))).toMatchObject({
      code: 'ERR_USAGE',
      field: 'money',
    });
    expect(
      await refusal(
        awardFromBody(
          { ...award, deliverables: [{ requirement: 'kt', source: './examples/pack' }] },
          destination,
        ),
      ),
    ).toMatchObject({ field: 'body.deliverables.0.source' });
  });
});
