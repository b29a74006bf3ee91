import { mkdir, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CheckReport, checkRelease } from '../src/checker/index.ts';
import { main } from '../src/cli/main.ts';
import { recordingIo } from '../src/cli/test-support/recording-io.ts';
import type { ComponentRating } from '../src/profile/index.ts';
import { FOLLOWED_MAX_FILES } from '../src/scan/location-opener.ts';
import { tempGitRepo } from '../src/scan/test-support/temp-git-repo.ts';
import { locationLabel } from '../src/spec/index.ts';
import type { ResolvedAddress } from '../src/util/index.ts';
import { type LinkFollowingServers, startLinkFollowingServers } from './support/link-following-servers.ts';

// `aperture check` following a release's links end to end, through the real network opener, against
// local servers only: the Hub replay server (HF_ENDPOINT) and a git server standing for
// https://github.com/aperture-fixtures/… (see test/support/link-following-servers.ts).
let world: LinkFollowingServers;

const MODEL = 'hf:aperture-fixtures/linked-model';
const DATASET = 'hf:datasets/aperture-fixtures/linked-data';
const CODE = 'https://github.com/aperture-fixtures/linked-code';
const DATASET_SHA = 'd1a7e3c5b9f2048e6a1c3b5d7f9e0a2c4b6d8f01';

beforeAll(async () => {
  world = await startLinkFollowingServers({ failures: { 'broken-code': 500 } });
});

afterAll(async () => {
  await world?.close();
});

/** Runs `aperture …` in-process; `--json` output is parsed. */
async function run(argv: string[]): Promise<{ code: number; report: CheckReport; err: string }> {
  const io = recordingIo({ env: process.env });
  const code = await main(argv, io);
  const out = io.out();
  // A JSON report is an object for one release (an array for several); text output is not parsed.
  const report = /^[[{]/.test(out) ? (JSON.parse(out) as CheckReport) : (null as unknown as CheckReport);
  return { code, report, err: io.err() };
}

function component(report: CheckReport, id: string): ComponentRating {
  const found = report.profile.components.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no component ${id} in the report`);
  return found;
}

/** What the local servers and DNS have seen so far, to compare before and after a check. */
function traffic() {
  return {
    hub: world.hub.requests.length,
    git: world.git.connections(),
    gitRequests: world.git.requests.length,
    lookups: world.lookups.length,
  };
}

function hubRequestsSince(from: number): string[] {
  return world.hub.requests.slice(from).map((request) => request.path);
}

async function releaseFolder(name: string, files: Record<string, string>): Promise<string> {
  const dir = path.join(world.tmp, name);
  for (const [file, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await writeFile(path.join(dir, file), text);
  }
  return dir;
}

/** The warnings that name a link, and a check that every warning is one line. */
function warningsAbout(report: CheckReport, text: string): string[] {
  for (const warning of report.warnings) expect(warning).not.toContain('\n');
  return report.warnings.filter((warning) => warning.includes(text));
}

/** A TCP listener that counts connections, standing where a forbidden link points. */
async function countingListener(
  host: string,
): Promise<{ port: number; count(): number; close(): Promise<void> }> {
  let connections = 0;
  const server: Server = createServer((socket) => {
    connections += 1;
    socket.destroy();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, resolve);
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return {
    port: address.port,
    count: () => connections,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('aperture check follows a Hub model to its dataset and code', () => {
  it('reads the dataset from the Hub and clones the code, naming every file by its location', async () => {
    const before = traffic();
    const { code, report, err } = await run(['check', MODEL, '--json', '--as-of', '2026-06-01']);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(report.warnings).toEqual([]);

    const datasets = component(report, 'training-datasets');
    expect(datasets).toMatchObject({ rating: 'open', verification: 'verified' });
    expect(datasets.license).toMatchObject({ expression: 'ODC-By-1.0', class: 'open' });
    expect(datasets.evidence).toContainEqual(
      expect.objectContaining({
        file: `${DATASET}/data/train-00000-of-00001.parquet`,
        location: DATASET,
      }),
    );
    const dataCard = component(report, 'data-card');
    expect(dataCard).toMatchObject({ rating: 'open', verification: 'verified' });
    expect(dataCard.evidence[0]).toMatchObject({ file: `${DATASET}/README.md`, location: DATASET });

    const trainingCode = component(report, 'training-code');
    expect(trainingCode).toMatchObject({ rating: 'open', verification: 'verified' });
    expect(trainingCode.license.expression).toBe('Apache-2.0');
    expect(trainingCode.evidence).toContainEqual(
      expect.objectContaining({ file: 'github.com/aperture-fixtures/linked-code/train.py', location: CODE }),
    );
    // The weights are the model's own, not the dataset's or the code's.
    expect(component(report, 'final-parameters').evidence[0]).toMatchObject({ file: 'model.safetensors' });

    expect(report.locations).toEqual([
      expect.objectContaining({ ref: MODEL, role: 'primary', kind: 'hf', files: 4 }),
      expect.objectContaining({
        ref: DATASET,
        role: 'followed',
        kind: 'hf',
        revision: DATASET_SHA,
        files: 3,
        via: expect.objectContaining({
          file: 'README.md',
          url: 'https://huggingface.co/datasets/aperture-fixtures/linked-data',
        }),
      }),
      expect.objectContaining({
        ref: CODE,
        role: 'followed',
        kind: 'git',
        revision: world.repos['linked-code']!.sha,
        files: 5,
        via: expect.objectContaining({ file: 'README.md', url: CODE }),
      }),
    ]);

    // Every request went to the local servers: the Hub's dataset API once, the git server for the clone,
    // and DNS was asked about github.com only.
    const hubPaths = hubRequestsSince(before.hub);
    expect(
      hubPaths.filter((p) => p.startsWith('/api/datasets/aperture-fixtures/linked-data/revision/')),
    ).toHaveLength(1);
    expect(
      hubPaths.some((p) =>
        p.startsWith(`/datasets/aperture-fixtures/linked-data/resolve/${DATASET_SHA}/README.md`),
      ),
    ).toBe(true);
    expect(world.git.requests.slice(before.gitRequests).map((request) => request.path)).toContain(
      '/linked-code/info/refs?service=git-upload-pack',
    );
    expect(world.lookups.slice(before.lookups)).toEqual(['github.com']);
  });

  it('with --no-follow, makes no request beyond the model and rates the dataset and code linked, unverified', async () => {
    const followed = await run(['check', MODEL, '--json', '--as-of', '2026-06-01']);
    const before = traffic();
    const { code, report, err } = await run([
      'check',
      MODEL,
      '--json',
      '--no-follow',
      '--as-of',
      '2026-06-01',
    ]);
    expect(err).toBe('');
    expect(code).toBe(0);

    expect(world.git.connections()).toBe(before.git);
    expect(world.lookups.length).toBe(before.lookups);
    expect(hubRequestsSince(before.hub).filter((p) => p.includes('/datasets/'))).toEqual([]);
    expect(report.locations.map((location) => location.ref)).toEqual([MODEL]);

    for (const [id, url] of [
      ['training-datasets', 'https://huggingface.co/datasets/aperture-fixtures/linked-data'],
      ['training-code', CODE],
    ] as const) {
      const rated = component(report, id);
      expect(rated.rating).not.toBe('closed');
      expect(rated.verification).toBe('linked-unverified');
      expect(rated.reason).toMatch(/^linked, unverified/);
      expect(rated.reason).not.toContain('no evidence');
      expect(rated.evidence[0]).toMatchObject({ file: 'README.md', url });
      expect(rated.evidence.some((ref) => ref.location !== undefined)).toBe(false);
    }
    // A verified part earns its full points, a linked one half.
    expect(followed.report.profile.score).toBeGreaterThan(report.profile.score);
  });
});

describe('a local release whose weights are only linked, with the network off', () => {
  const policy = () => path.join(world.tmp, 'require-verified-weights.yaml');
  let folder: string;

  beforeAll(async () => {
    folder = await releaseFolder('folder-weights', {
      'README.md': [
        '# Folder Model',
        '',
        'Weights: https://huggingface.co/aperture-fixtures/folder-weights (Apache-2.0)',
        '',
      ].join('\n'),
    });
    await writeFile(
      policy(),
      'policy: aperture.dev/policy/v1\nname: Verified weights\nrequireVerified: [final-parameters]\n',
    );
  });

  it.each([
    ['APERTURE_NO_FOLLOW=1', [], '1'],
    ['--no-follow', ['--no-follow'], undefined],
  ] as const)('rates the weights from the link and its stated license (%s)', async (_, flags, env) => {
    const saved = process.env.APERTURE_NO_FOLLOW;
    if (env === undefined) delete process.env.APERTURE_NO_FOLLOW;
    else process.env.APERTURE_NO_FOLLOW = env;
    try {
      const before = traffic();
      const { code, report } = await run(['check', folder, '--json', ...flags]);
      expect(code).toBe(0);
      const weights = component(report, 'final-parameters');
      expect(weights).toMatchObject({ rating: 'open', verification: 'linked-unverified' });
      expect(weights.license).toMatchObject({ expression: 'Apache-2.0', class: 'open' });
      expect(weights.reason).toMatch(/^linked, unverified; released under Apache-2.0/);
      expect(weights.evidence[0]).toMatchObject({
        file: 'README.md',
        url: 'https://huggingface.co/aperture-fixtures/folder-weights',
        note: expect.stringContaining('license stated as Apache-2.0'),
      });
      expect(traffic()).toEqual(before);
    } finally {
      if (saved === undefined) delete process.env.APERTURE_NO_FOLLOW;
      else process.env.APERTURE_NO_FOLLOW = saved;
    }
  });

  it('fails a policy that requires verified weights, exit 1, naming the link', async () => {
    const io = recordingIo({ env: process.env });
    const code = await main(['check', folder, '--no-follow', '--policy', policy()], io);
    expect(code).toBe(1);
    expect(io.out()).toContain(
      'final-parameters must be verified, but is only linked: https://huggingface.co/aperture-fixtures/folder-weights',
    );
  });
});

describe('aperture check --as-one-release', () => {
  it('checks a Hub model and a local git repository as one release, naming the second one’s files by its location', async () => {
    const code = await tempGitRepo({
      files: {
        'README.md': '# Open Model code\n\nTraining and evaluation code of open-model.\n',
        'train.py': 'import torch\n\ndef train():\n    optimizer = torch.optim.AdamW([])\n',
        'requirements.txt': 'torch==2.3.1\n',
      },
    });
    try {
      const before = traffic();
      const { code: exit, report } = await run([
        'check',
        'hf:aperture-fixtures/open-model',
        code.dir,
        '--as-one-release',
        '--no-follow',
        '--json',
      ]);
      expect(exit).toBe(0);
      expect(Array.isArray(report)).toBe(false);
      expect(report.target).toBe('hf:aperture-fixtures/open-model');
      expect(report.locations).toEqual([
        expect.objectContaining({ ref: 'hf:aperture-fixtures/open-model', role: 'primary', kind: 'hf' }),
        expect.objectContaining({ ref: code.dir, role: 'given', kind: 'folder', files: 3 }),
      ]);
      const label = locationLabel(code.dir);
      expect(component(report, 'final-parameters')).toMatchObject({
        rating: 'open',
        verification: 'verified',
      });
      expect(component(report, 'final-parameters').evidence[0]?.file).toMatch(
        /^model-0000\d-of-00002\.safetensors$/,
      );
      const trainingCode = component(report, 'training-code');
      expect(trainingCode.verification).toBe('verified');
      expect(trainingCode.evidence).toContainEqual(
        expect.objectContaining({ file: `${label}/train.py`, location: code.dir }),
      );
      expect(world.git.connections()).toBe(before.git);
    } finally {
      await code.remove();
    }
  });
});

describe('bad links: no crash, no hang, no request to a forbidden host', () => {
  it('does not follow links to loopback addresses written as https URLs, and connects nowhere', async () => {
    const v4 = await countingListener('127.0.0.1');
    const v6 = await countingListener('::1');
    try {
      const links = [
        `https://127.0.0.1:${v4.port}/x.git`,
        `https://[::1]:${v6.port}/x.git`,
        `https://2130706433:${v4.port}/x.git`,
        `https://0x7f.1:${v4.port}/x.git`,
      ];
      const folder = await releaseFolder('loopback-links', {
        'README.md': ['# Loopback Links', '', ...links.map((link) => `Training code: ${link}`), ''].join(
          '\n',
        ),
      });
      const before = traffic();
      const { code, report } = await run(['check', folder, '--json']);
      expect(code).toBe(0);
      expect(v4.count()).toBe(0);
      expect(v6.count()).toBe(0);
      expect(traffic()).toEqual(before);
      expect(report.locations.map((location) => location.role)).toEqual(['primary']);
    } finally {
      await Promise.all([v4.close(), v6.close()]);
    }
  });

  // A link to a private address is refused on its face: one warning line, nothing contacted.
  it('says in one warning that a git link to a loopback address was not followed', async () => {
    const folder = await releaseFolder('loopback-warning', {
      'README.md': '# Loopback Link\n\nTraining code: https://127.0.0.1:9/x.git\n',
    });
    const { code, report } = await run(['check', folder, '--json']);
    expect(code).toBe(0);
    expect(warningsAbout(report, 'https://127.0.0.1:9/x.git')).toHaveLength(1);
  });

  it.each<[string, ResolvedAddress]>([
    ['127.0.0.1', { address: '127.0.0.1', family: 4 }],
    ['::1', { address: '::1', family: 6 }],
    ['::ffff:127.0.0.1', { address: '::ffff:127.0.0.1', family: 6 }],
    ['169.254.169.254', { address: '169.254.169.254', family: 4 }],
    ['10.0.0.5', { address: '10.0.0.5', family: 4 }],
  ])(
    'refuses a code link whose host resolves to %s, in one warning, before git connects',
    async (_, answer) => {
      const savedAllow = process.env.APERTURE_ALLOW_HOSTS;
      const savedAddresses = world.gitHubAddresses;
      delete process.env.APERTURE_ALLOW_HOSTS;
      world.gitHubAddresses = [answer];
      try {
        const before = traffic();
        const { code, report } = await run(['check', MODEL, '--json']);
        expect(code).toBe(0);
        // Had the rule let it through, git's insteadOf would have cloned from the local server.
        expect(world.git.connections()).toBe(before.git);
        const warnings = warningsAbout(report, CODE);
        expect(warnings).toHaveLength(1);
        expect(warnings[0]).toMatch(
          /^https:\/\/github\.com\/aperture-fixtures\/linked-code: not followed: .*refused/,
        );
        expect(component(report, 'training-code')).toMatchObject({ verification: 'linked-unverified' });
        // The dataset on the Hub is still followed.
        expect(component(report, 'training-datasets')).toMatchObject({ verification: 'verified' });
      } finally {
        process.env.APERTURE_ALLOW_HOSTS = savedAllow;
        world.gitHubAddresses = savedAddresses;
      }
    },
  );

  it('does not follow ftp, file, ssh or git links at all', async () => {
    const links = [
      'ftp://example.org/aperture-fixtures/linked-code.git',
      'file:///etc/passwd',
      'ssh://git@github.com/aperture-fixtures/linked-code.git',
      'git@github.com:aperture-fixtures/linked-code.git',
      'git://github.com/aperture-fixtures/linked-code',
    ];
    const folder = await releaseFolder('other-schemes', {
      'README.md': [
        '# Other Schemes',
        '',
        '## Code',
        '',
        ...links.map((link) => `- Training code: ${link}`),
        '',
      ].join('\n'),
    });
    const before = traffic();
    const { code, report } = await run(['check', folder, '--json']);
    expect(code).toBe(0);
    expect(traffic()).toEqual(before);
    expect(report.locations.map((location) => location.ref)).toEqual([folder]);
    expect(report.warnings).toEqual([]);
    expect(JSON.stringify(report.profile)).not.toContain('/etc/passwd');
  });

  it('opens each location of a link cycle once', async () => {
    const before = traffic();
    const { code, report, err } = await run(['check', 'hf:aperture-fixtures/cycle-model', '--json']);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(report.locations.map((location) => [location.ref, location.role])).toEqual([
      ['hf:aperture-fixtures/cycle-model', 'primary'],
      ['hf:datasets/aperture-fixtures/cycle-data', 'followed'],
      ['https://github.com/aperture-fixtures/cycle-code', 'followed'],
    ]);
    const hubPaths = hubRequestsSince(before.hub);
    const infoRequests = (prefix: string) => hubPaths.filter((p) => p.startsWith(prefix)).length;
    expect(infoRequests('/api/models/aperture-fixtures/cycle-model/revision/')).toBe(1);
    expect(infoRequests('/api/datasets/aperture-fixtures/cycle-data/revision/')).toBe(1);
    const refs = world.git.requests
      .slice(before.gitRequests)
      .filter((request) => request.path.startsWith('/cycle-code/info/refs'));
    expect(refs).toHaveLength(1);
    expect(report.warnings).toEqual([]);
  });

  it(`refuses a linked dataset listing more than ${FOLLOWED_MAX_FILES} files, in one warning`, async () => {
    const dir = path.join(world.generatedHub, 'datasets', 'aperture-fixtures', 'huge-data');
    await mkdir(path.join(dir, 'files'), { recursive: true });
    await writeFile(
      path.join(dir, 'dataset-info.json'),
      JSON.stringify({
        _id: '66a1f0c2e4b0a1b2c3d4e699',
        id: 'aperture-fixtures/huge-data',
        gated: false,
        sha: 'f'.repeat(40),
      }),
    );
    const tree = Array.from({ length: FOLLOWED_MAX_FILES + 1 }, (_, i) => ({
      type: 'file',
      oid: '0'.repeat(40),
      size: 10,
      path: `data/shard-${String(i).padStart(6, '0')}.jsonl`,
    }));
    await writeFile(path.join(dir, 'tree.json'), JSON.stringify(tree));
    const folder = await releaseFolder('huge-link', {
      'README.md':
        '---\n\nlicense: apache-2.0\ndatasets: [aperture-fixtures/huge-data]\n\n---\n\n# Huge Link\n',
    });
    const { code, report } = await run(['check', folder, '--json']);
    expect(code).toBe(0);
    const warnings = warningsAbout(report, 'aperture-fixtures/huge-data');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(`more than ${FOLLOWED_MAX_FILES} files`);
    expect(report.locations).toHaveLength(1);
    expect(component(report, 'training-datasets').verification).toBe('linked-unverified');
  });

  it('applies a lower file limit given through checkRelease’s sources option to followed datasets', async () => {
    // The CLI has no option for the limit; checkRelease takes it in `sources.hf.maxFiles`.
    const folder = await releaseFolder('linked-data-small-limit', {
      'README.md':
        '---\n\nlicense: apache-2.0\ndatasets: [aperture-fixtures/linked-data]\n\n---\n\n# Small Limit\n',
    });
    const report = await checkRelease(folder, { sources: { hf: { maxFiles: 2, cacheDir: false } } });
    const warnings = warningsAbout(report, 'aperture-fixtures/linked-data');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('more than 2 files');
    expect(report.locations).toHaveLength(1);
    expect(component(report, 'training-datasets').verification).toBe('linked-unverified');
  });

  // A listing cached under a larger limit (the dataset checked as a target) still meets the smaller one.
  it('applies the file limit to a listing read from the cache too', async () => {
    const folder = await releaseFolder('linked-data-cached-limit', {
      'README.md':
        '---\n\nlicense: apache-2.0\ndatasets: [aperture-fixtures/linked-data]\n\n---\n\n# Cached Limit\n',
    });
    const first = await checkRelease(folder);
    expect(first.locations.map((location) => location.ref)).toContain(DATASET);
    const report = await checkRelease(folder, { sources: { hf: { maxFiles: 2 } } });
    expect(warningsAbout(report, 'aperture-fixtures/linked-data')).toHaveLength(1);
    expect(report.locations).toHaveLength(1);
  });

  it('says in one warning each that a linked repository could not be cloned (500, missing)', async () => {
    const folder = await releaseFolder('failing-clones', {
      'README.md': [
        '# Failing Clones',
        '',
        '## Code',
        '',
        '- Training code: https://github.com/aperture-fixtures/missing-code',
        '- Evaluation harness: https://github.com/aperture-fixtures/broken-code',
        '',
      ].join('\n'),
    });
    const before = traffic();
    const { code, report } = await run(['check', folder, '--json']);
    expect(code).toBe(0);
    for (const name of ['missing-code', 'broken-code']) {
      const warnings = warningsAbout(report, `https://github.com/aperture-fixtures/${name}`);
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toMatch(/: not followed: git clone of .* failed/);
    }
    const paths = world.git.requests.slice(before.gitRequests).map((request) => request.path);
    expect(paths).toContain('/missing-code/info/refs?service=git-upload-pack');
    expect(paths).toContain('/broken-code/info/refs?service=git-upload-pack');
    expect(report.locations).toHaveLength(1);
    expect(component(report, 'training-code').verification).toBe('linked-unverified');
  });
});
