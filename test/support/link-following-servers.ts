import { promises as dnsPromises } from 'node:dns';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { type GitHttpServer, startGitHttpServer } from '../../src/scan/test-support/git-http-server.ts';
import { type TempGitRepo, tempGitRepo } from '../../src/scan/test-support/temp-git-repo.ts';
import type { ResolvedAddress } from '../../src/util/index.ts';
import { type HubReplayServer, startHubReplayServer } from './hub-replay-server.ts';

/** The git host the fixtures link their code at; its account `aperture-fixtures` is served locally. */
export const FIXTURE_GIT_HOST = 'github.com';
/** The account of every fixture repository, on the Hub and on the git host. */
export const FIXTURE_ACCOUNT = 'aperture-fixtures';

/** Options of startLinkFollowingServers. */
export interface LinkFollowingOptions {
  /** More git repositories served as `https://github.com/aperture-fixtures/<name>`: name → files. */
  repos?: Record<string, Record<string, string>>;
  /** Repository names the git server answers with this HTTP status, e.g. `{ 'broken-code': 500 }`. */
  failures?: Record<string, number>;
  /** Entries per page of the Hub's tree listings. */
  treePageSize?: number;
  /** The Hub's model listings folder (`{author}.json`); test/fixtures/hub-listings by default. */
  listings?: string;
}

/** The local world links are followed in; `close()` restores the environment and removes every file. */
export interface LinkFollowingServers {
  /** The Hub (HF_ENDPOINT points at it): test/fixtures/hub, after the repositories of `generatedHub`. */
  hub: HubReplayServer;
  /** The git server behind `https://github.com/aperture-fixtures/…`. */
  git: GitHttpServer;
  /** A folder for generated Hub repositories (`models/…`, `datasets/…`), served before the fixtures. */
  generatedHub: string;
  /** A scratch folder for the test's own files (release folders, policies). */
  tmp: string;
  /** Every host name looked up in DNS, in order. */
  lookups: string[];
  /**
   * What github.com resolves to: 127.0.0.1 (on APERTURE_ALLOW_HOSTS, as an internal mirror would be) by
   * default. Set it to a forbidden address, and take github.com off the allowlist, to see the
   * destination rule refuse a link.
   */
  gitHubAddresses: ResolvedAddress[];
  /** The code repositories served, by name. */
  repos: Record<string, TempGitRepo>;
  close(): Promise<void>;
}

/** Sets (or, for undefined, removes) environment variables. */
function setEnvironment(values: Record<string, string | undefined>): void {
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
}

/** The training code of `aperture-fixtures/linked-model`, as its git repository holds it. */
async function linkedCodeFiles(): Promise<Record<string, string>> {
  const license = await readFile(
    path.resolve(import.meta.dirname, '../../examples/harness-only/LICENSE'),
    'utf8',
  );
  return {
    'README.md': [
      '# Linked Code',
      '',
      'Training code of [Linked Model](https://huggingface.co/aperture-fixtures/linked-model).',
      '',
      '```',
      'pip install -r requirements.txt',
      'python train.py --config configs/small.yaml',
      '```',
      '',
    ].join('\n'),
    LICENSE: license,
    'train.py': [
      'import torch',
      'from transformers import AutoConfig, AutoModelForCausalLM',
      '',
      'def train(config_path: str) -> None:',
      '    config = AutoConfig.from_pretrained(config_path)',
      '    model = AutoModelForCausalLM.from_config(config)',
      '    optimizer = torch.optim.AdamW(model.parameters(), lr=3e-4)',
      '    for step in range(1000):',
      '        optimizer.step()',
      '',
    ].join('\n'),
    'configs/small.yaml': 'hidden_size: 256\nnum_hidden_layers: 2\nlearning_rate: 0.0003\n',
    'requirements.txt': 'torch==2.3.1\ntransformers==4.44.0\n',
  };
}

/** The code of the cycle fixture: its README links back to the model and the dataset that link to it. */
const CYCLE_CODE_FILES: Record<string, string> = {
  'README.md': [
    '# Cycle Code',
    '',
    'Weights: https://huggingface.co/aperture-fixtures/cycle-model',
    '',
    'Training data: https://huggingface.co/datasets/aperture-fixtures/cycle-data',
    '',
    'Training code: https://github.com/aperture-fixtures/cycle-code',
    '',
  ].join('\n'),
  'train.py': 'def train():\n    pass\n',
};

/**
 * Starts the local world link following is tested in, all on 127.0.0.1: the Hub replay server with the
 * fixtures of test/fixtures/hub (HF_ENDPOINT), and a `git http-backend` server that stands for
 * `https://github.com/aperture-fixtures/…`. Aperture's real network opener is used unchanged: github.com
 * is on APERTURE_ALLOW_HOSTS (as an internal mirror would be) and resolves to 127.0.0.1 through a stub
 * of `dns.promises.lookup` (any other name fails, so nothing can reach a real resolver), and git's own
 * `url.<base>.insteadOf` (in a temporary HOME) sends the clone to the local server. Sets the
 * environment for following (APERTURE_NO_FOLLOW unset) until `close()`.
 *
 * @example
 * const world = await startLinkFollowingServers();
 * await main(['check', 'hf:aperture-fixtures/linked-model', '--json'], io);
 * await world.close();
 */
export async function startLinkFollowingServers(
  options: LinkFollowingOptions = {},
): Promise<LinkFollowingServers> {
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'aperture-links-'));
  const generatedHub = path.join(tmp, 'hub');
  const home = path.join(tmp, 'home');
  await mkdir(generatedHub, { recursive: true });
  await mkdir(home, { recursive: true });

  const repos: Record<string, TempGitRepo> = {
    'linked-code': await tempGitRepo({ files: await linkedCodeFiles() }),
    'cycle-code': await tempGitRepo({ files: CYCLE_CODE_FILES }),
  };
  for (const [name, files] of Object.entries(options.repos ?? {})) repos[name] = await tempGitRepo({ files });
  const git = await startGitHttpServer({
    repos: Object.fromEntries(Object.entries(repos).map(([name, repo]) => [name, repo.dir])),
    failures: options.failures,
  });
  const hub = await startHubReplayServer({
    fixtures: [generatedHub, path.resolve(import.meta.dirname, '../fixtures/hub')],
    treePageSize: options.treePageSize,
    listings: options.listings,
  });

  // git reads $HOME/.gitconfig: the account's URLs are rewritten to the local server, as a mirror would
  // be. The ssh and git spellings are rewritten too, so that a clone Aperture should never start shows
  // up as a connection to the local server instead of reaching the internet.
  const spellings = [
    `https://${FIXTURE_GIT_HOST}/${FIXTURE_ACCOUNT}/`,
    `ssh://git@${FIXTURE_GIT_HOST}/${FIXTURE_ACCOUNT}/`,
    `git@${FIXTURE_GIT_HOST}:${FIXTURE_ACCOUNT}/`,
    `git://${FIXTURE_GIT_HOST}/${FIXTURE_ACCOUNT}/`,
  ];
  await writeFile(
    path.join(home, '.gitconfig'),
    `[url "${git.url}"]\n${spellings.map((spelling) => `\tinsteadOf = ${spelling}\n`).join('')}`,
  );

  const environment: Record<string, string | undefined> = {
    HF_ENDPOINT: hub.url,
    APERTURE_CACHE_DIR: path.join(tmp, 'cache'),
    HOME: home,
    XDG_CONFIG_HOME: path.join(home, '.config'),
    APERTURE_ALLOW_HOSTS: FIXTURE_GIT_HOST,
    // The vitest setup turns following off for every test; these tests follow, locally.
    APERTURE_NO_FOLLOW: undefined,
    HF_TOKEN: undefined,
    APERTURE_HF_ORIGINS: undefined,
  };
  const savedEnv = Object.fromEntries(Object.keys(environment).map((key) => [key, process.env[key]]));
  setEnvironment(environment);

  const lookups: string[] = [];
  const world: LinkFollowingServers = {
    hub,
    git,
    generatedHub,
    tmp,
    lookups,
    gitHubAddresses: [{ address: '127.0.0.1', family: 4 }],
    repos,
    close: async () => {
      dnsPromises.lookup = originalLookup;
      setEnvironment(savedEnv);
      await Promise.all([hub.close(), git.close()]);
      await Promise.all(Object.values(repos).map((repo) => repo.remove()));
      await rm(tmp, { recursive: true, force: true });
    },
  };
  const originalLookup = dnsPromises.lookup;
  const fakeLookup = async (hostname: string): Promise<ResolvedAddress[]> => {
    lookups.push(hostname);
    if (hostname.toLowerCase() === FIXTURE_GIT_HOST) return world.gitHubAddresses;
    throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND', hostname });
  };
  // The library's overloads cannot be named by one function; the destination rule only asks for `all`.
  dnsPromises.lookup = fakeLookup as unknown as typeof dnsPromises.lookup;
  return world;
}
