import {
  type ComponentId,
  type EvidenceRef,
  markdownLines,
  REFERENCE_SECTION,
  TABLE_SEPARATOR_START,
} from '../spec/index.ts';
import { hubDatasetUrl } from './find-datasets.ts';
import { findLicenseMentions, licenseOfPage } from './find-license-mentions.ts';
import { DATA_EXTENSIONS, extensionPattern, WEIGHT_EXTENSIONS } from './known-extensions.ts';
import { nameKey } from './name-key.ts';
import type { LinkKind, LinkVia, ReleaseLink } from './release-link.ts';

/** Most links kept from one text, so a hostile file cannot flood the report or the follower. */
export const MAX_LINKS_PER_TEXT = 200;

const URL_PATTERN = /\b(?:https?:\/\/|magnet:\?)[^\s<>()[\]"'`|\\]+/gi;
const MARKDOWN_LINK = /\[([^\]]{0,200})\]\((<?)(https?:\/\/[^\s)>]+)\2?(?:\s+"[^"]*")?\)/gi;
const HUB_HOSTS = new Set(['huggingface.co', 'hf.co']);
/** First path segments of huggingface.co that are not organisations. */
const HUB_RESERVED = new Set([
  'docs',
  'blog',
  'spaces',
  'papers',
  'collections',
  'organizations',
  'settings',
  'join',
  'login',
  'models',
  'pricing',
  'tasks',
  'learn',
  'api',
  'chat',
  'new',
  'terms-of-service',
  'privacy',
  'inference-endpoints',
  'enterprise',
  'posts',
  'huggingface',
]);
const GIT_HOSTS = new Set(['github.com', 'gitlab.com', 'codeberg.org', 'bitbucket.org']);
const PAPER_HOSTS =
  /(^|\.)(arxiv\.org|doi\.org|openreview\.net|aclanthology\.org|aclweb\.org|proceedings\.mlr\.press|proceedings\.neurips\.cc|papers\.nips\.cc|jmlr\.org|ieeexplore\.ieee\.org|dl\.acm\.org|nature\.com|science\.org|ssrn\.com|semanticscholar\.org)$/i;
const LOG_HOSTS =
  /(^|\.)(wandb\.ai|wandb\.me|tensorboard\.dev|comet\.com|comet\.ml|neptune\.ai|mlflow\.org)$/i;
/** A URL of weights: a weight extension, or any `.bin` or `.npz` (see find-weights for why not one list). */
const WEIGHT_FILE = new RegExp(`${extensionPattern([...WEIGHT_EXTENSIONS, 'bin', 'npz'])}(\\?|$)`, 'i');
/** A URL of data: a data extension, or any `.zst` (see find-datasets for why not one list). */
const DATA_FILE = new RegExp(`${extensionPattern([...DATA_EXTENSIONS, 'zst'])}(\\?|$)`, 'i');
const ARCHIVE_FILE = /\.(tar|tar\.gz|tgz|zip|7z|tar\.zst)(\?|$)/i;
const PDF_FILE = /\.pdf(\?|$)/i;
const CHECKSUM = /\b([a-f0-9]{64}|[a-f0-9]{32})\b/i;
const CHECKPOINT_REVISION = /^(step|ckpt|checkpoint|iter|stage|epoch|global[-_]?step|tokens?)[-_]?\d/i;

/**
 * Sections whose links name other people's work, not this release's parts: reference sections, and
 * also citations and those comparing the release with other models or pointing to the community.
 */
const MENTION_SECTION = new RegExp(
  `${REFERENCE_SECTION.source}|\\b(citations?|cite|citing|bibtex|comparison|community|see also|other models|baselines?)\\b`,
  'i',
);

const CONTEXT_RULES: ReadonlyArray<{ id: ComponentId; words: RegExp }> = [
  {
    id: 'final-parameters',
    words: /\b(weights?|checkpoints?|parameters|model files?|downloads?|safetensors|gguf|ckpt)\b/i,
  },
  {
    id: 'training-datasets',
    words:
      /\b(training data(sets?)?|pre-?training data|data ?sets?|corpus|corpora|data mix(ture)?|sft data|instruction data)\b/i,
  },
  { id: 'evaluation-data', words: /\b(eval(uation)? (data|sets?)|benchmarks?|test sets?)\b/i },
  { id: 'evaluation-code', words: /\b(eval(uation)?s?( code| harness| suite| framework)?|harness)\b/i },
  {
    id: 'training-code',
    words: /\b(training|train|pre-?training|fine-?tun(e|ing)|post-?training|trainer)\b/i,
  },
  {
    id: 'inference-code',
    words: /\b(inference|serving|serve|deploy(ment)?|run the model|generation code)\b/i,
  },
  {
    id: 'data-preprocessing-code',
    words:
      /\b(pre-?process(ing)?|data (curation|processing|pipeline|cleaning)|dedup(lication)?|filtering|toolkit for (curating|building))\b/i,
  },
  {
    id: 'training-logs',
    words:
      /\b(training logs?|logs?|wandb|weights (&|and) biases|tensorboard|loss curves?|training curves?|metrics)\b/i,
  },
];
const REPORT_WORDS = /\b(technical report|tech report|report)\b/i;

/** Every line with a link or a Hub id holds one of these; other lines are only read for their context. */
const MAY_HOLD_LINK = /:\/\/|magnet:|_pretrained\(|download|load_dataset\(/i;

/** Characters of prose before and after a link that say what it is ("Training code: <link>"). */
const CONTEXT_BEFORE = 100;
const CONTEXT_AFTER = 60;

/**
 * The words that speak for a link in prose: its clause (from the last sentence or clause break before
 * it to the first after it, within CONTEXT_BEFORE and CONTEXT_AFTER characters).
 */
function clauseAround(line: string, position: number, length: number): string {
  const before = line.slice(Math.max(0, position - CONTEXT_BEFORE), position);
  const start = Math.max(
    ...[...before.matchAll(/[.;!?](\s|$)|\),?\s|,\s+(?:and|but|while|whereas)\s/g)].map(
      (m) => m.index + m[0].length,
    ),
    0,
  );
  const after = line.slice(position + length, position + length + CONTEXT_AFTER);
  const end = /[.;!?](\s|$)|[,(]\s|\)\)/.exec(after)?.index ?? after.length;
  return `${before.slice(start)} ${after.slice(0, end)}`;
}

/** Where to read links from, and what the text is. */
export interface LinkSource {
  file: string;
  text: string;
  /** `markdown` for READMEs, cards and docs (sections, tables, fences), `code` for scripts. */
  format: 'markdown' | 'code';
}

interface Context {
  heading: string;
  tableHeader: string;
  fenced: boolean;
  /** Headings seen, and whether the first was the title: links under the title are the release's own. */
  headings: number;
  titleFirst: boolean;
}

/** Sections that list the release's own resources (the Hub card template's "Model Sources"). */
const OWN_SECTION =
  /\b(model sources|sources|resources|open resources|links|repositor(y|ies)|code|artifacts|downloads?)\b/i;
/** A line that labels its link as the release's own: "- **Repository:** https://…", "Code: …". */
const OWN_LABEL =
  /^\s*[-*]?\s*\**\s*(repository|code|github|source code|training code|paper|weights|project page)\s*\**\s*:/i;

function trimUrl(url: string): string {
  return url.replace(/[.,;:!?*_~'"`>)\]}]+$/, '').replace(/#.*$/, '');
}

function words(...parts: string[]): string {
  // The words around a link, without the URLs themselves (every GitHub URL says "github").
  return parts.join(' ').replace(URL_PATTERN, ' ');
}

function componentsFromWords(text: string): ComponentId[] {
  return CONTEXT_RULES.filter((rule) => rule.words.test(text)).map((rule) => rule.id);
}

interface Classified {
  kind: LinkKind;
  target?: string;
  /** The account the repository belongs to, in lower case for comparing. */
  owner?: string;
  /** A Hub model's organisation as the URL writes it, for names shown to people. */
  account?: string;
  base: ComponentId[];
}

/**
 * What a URL is, from its host and path alone: a Hub model or dataset (with the `hf:` id to open), a
 * git repository (with the https URL to clone), a paper, a training tracker, a file to download, a
 * license page, or a plain web page.
 *
 * @example
 * classifyUrl('https://huggingface.co/datasets/allenai/dolma') // { kind: 'hub-dataset', target: 'hf:datasets/allenai/dolma', … }
 */
export function classifyUrl(url: string): Classified {
  if (/^magnet:/i.test(url)) return { kind: 'download', base: ['final-parameters'] };
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { kind: 'web', base: [] };
  }
  const host = parsed.hostname.toLowerCase().replace(/^www\./, '');
  const segments = parsed.pathname.split('/').filter(Boolean).map(safeDecode);
  if (licenseOfPage(url)) return { kind: 'license-terms', base: [] };
  if (HUB_HOSTS.has(host)) return classifyHubPath(segments);
  if (GIT_HOSTS.has(host) && segments.length >= 2) {
    const [owner, repo] = [segments[0]!, segments[1]!.replace(/\.git$/, '')];
    if (segments[2] === 'releases' && segments[3] === 'download') return classifyFile(url, segments);
    if (segments[2] === 'raw' || segments[2] === 'blob') {
      if (PDF_FILE.test(url)) return { kind: 'paper', base: ['research-paper'] };
      if (/licen[cs]e|copying/i.test(segments.at(-1) ?? '')) return { kind: 'license-terms', base: [] };
      // A document or picture in a repository (eval_details.md, logo.png) is a page, not the code.
      if (DOCUMENT_OR_IMAGE.test(segments.at(-1) ?? '')) return { kind: 'web', base: [] };
    }
    if (owner === 'orgs' || owner === 'sponsors' || owner === 'topics' || owner === 'features')
      return { kind: 'web', base: [] };
    // An issue, a pull request, a discussion or a wiki page is a page about the repository, not its code.
    if (
      /^(issues|pulls?|discussions|wiki|actions|commits?|compare|security|projects|milestones?)$/.test(
        segments[2] ?? '',
      )
    )
      return { kind: 'web', base: [] };
    return {
      kind: 'git-repo',
      target: `https://${host}/${owner}/${repo}`,
      owner: owner.toLowerCase(),
      base: [],
    };
  }
  if (host === 'raw.githubusercontent.com')
    return DOCUMENT_OR_IMAGE.test(segments.at(-1) ?? '')
      ? { kind: 'web', base: [] }
      : classifyFile(url, segments);
  // Self-hosted forges and mirrors: a path ending in .git, or a git./gitlab./gitea./forgejo. host.
  if (
    /\.git$/i.test(parsed.pathname) ||
    (/^(git|gitlab|gitea|forgejo)\./.test(host) && segments.length >= 2)
  ) {
    const repoPath = segments.slice(0, /\.git$/i.test(parsed.pathname) ? undefined : 2).join('/');
    return {
      kind: 'git-repo',
      target: `${parsed.protocol}//${parsed.host}/${repoPath}`,
      ...(segments.length >= 2 ? { owner: segments[0]!.toLowerCase() } : {}),
      base: [],
    };
  }
  if (PAPER_HOSTS.test(host) || PDF_FILE.test(url)) return { kind: 'paper', base: ['research-paper'] };
  if (LOG_HOSTS.test(host)) return { kind: 'training-logs', base: ['training-logs'] };
  if (WEIGHT_FILE.test(url) || DATA_FILE.test(url) || ARCHIVE_FILE.test(url))
    return classifyFile(url, segments);
  if (/(^|\/)(license|licence|terms|legal)([-_./]|$)/i.test(parsed.pathname))
    return { kind: 'license-terms', base: [] };
  return { kind: 'web', base: [] };
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function classifyFile(url: string, _segments: string[]): Classified {
  if (WEIGHT_FILE.test(url)) return { kind: 'download', base: ['final-parameters'] };
  if (DATA_FILE.test(url)) return { kind: 'download', base: ['training-datasets'] };
  return { kind: 'download', base: [] };
}

const HUB_NAME = /^[A-Za-z0-9][\w.-]*$/;

/** A file inside a repository that is a page or a picture, not the repository's content: a README, a license text, an image. */
const DOCUMENT_OR_IMAGE = /\.(md|markdown|rst|txt|html?|png|jpe?g|gif|svg|webp|ico|mp4|webm)$/i;

function classifyHubPath(segments: string[]): Classified {
  const fileAction = segments[0] === 'datasets' ? segments[3] : segments[2];
  if (
    (fileAction === 'blob' || fileAction === 'resolve' || fileAction === 'raw') &&
    DOCUMENT_OR_IMAGE.test(segments.at(-1) ?? '')
  ) {
    return /licen[cs]e|use_policy|terms/i.test(segments.join('/'))
      ? { kind: 'license-terms', base: [] }
      : { kind: 'web', base: [] };
  }
  if (segments[0] === 'datasets' && segments.length >= 3 && HUB_NAME.test(segments[1]!)) {
    const revision = segments[3] === 'tree' || segments[3] === 'blob' ? segments[4] : undefined;
    return {
      kind: 'hub-dataset',
      target: `hf:datasets/${segments[1]}/${segments[2]}${revision ? `@${revision}` : ''}`,
      owner: segments[1]!.toLowerCase(),
      base: ['training-datasets'],
    };
  }
  if (segments[0] === 'papers') return { kind: 'paper', base: ['research-paper'] };
  if (segments.length < 2 || HUB_RESERVED.has(segments[0]!) || !HUB_NAME.test(segments[0]!))
    return { kind: 'web', base: [] };
  const [org, name, action, revision] = segments as [string, string, string?, string?];
  if (action === 'tensorboard') return { kind: 'training-logs', base: ['training-logs'] };
  if (action === 'discussions' || action === 'commits') return { kind: 'web', base: [] };
  const pinned =
    (action === 'tree' || action === 'blob' || action === 'resolve') && revision ? revision : undefined;
  const checkpoint = pinned !== undefined && CHECKPOINT_REVISION.test(pinned);
  if (action === 'blob' || action === 'resolve') {
    const file = segments.at(-1) ?? '';
    if (/licen[cs]e|use_policy/i.test(file)) return { kind: 'license-terms', base: [] };
  }
  return {
    kind: 'hub-model',
    target: `hf:${org}/${name}${pinned && pinned !== 'main' ? `@${pinned}` : ''}`,
    owner: org.toLowerCase(),
    account: org,
    base: checkpoint ? ['intermediate-checkpoints'] : ['final-parameters'],
  };
}

/** Hub ids named in code and commands rather than by URL. */
const HUB_ID_IN_CODE: ReadonlyArray<{ pattern: RegExp; dataset: boolean }> = [
  { pattern: /\bfrom_pretrained\(\s*["']([\w.-]+\/[\w.-]+)["']([^)\n]{0,200})/g, dataset: false },
  { pattern: /\b(?:huggingface-cli|hf) download\s+([\w.-]+\/[\w.-]+)([^\n]{0,200})/g, dataset: false },
  {
    pattern: /\bsnapshot_download\([^)\n]*?repo_id\s*=\s*["']([\w.-]+\/[\w.-]+)["']([^)\n]{0,200})/g,
    dataset: false,
  },
  { pattern: /\bload_dataset\(\s*["']([\w.-]+\/[\w.-]+)["']([^)\n]{0,200})/g, dataset: true },
];
/** A Hub call whose arguments continue on the next lines. */
const OPEN_CALL = /\b(from_pretrained|snapshot_download|load_dataset)\(\s*[^)]*$/;
const REVISION_ARGUMENT = /\brevision\s*=\s*["']([\w./-]+)["']|--revision\s+([\w./-]+)/;

/**
 * Finds the links of one text that can speak for a release: URLs (bare, Markdown and HTML), Hub ids in
 * code and commands (`from_pretrained("org/name", revision="step3000")`, `huggingface-cli download`,
 * `load_dataset`), and magnet links. Each link is classified by its URL and read for what the words
 * around it say (its line, its table's header row, its section heading): which components it stands
 * for, a license stated beside it, a checksum. Links in reference, citation and acknowledgement
 * sections are left out, because they name other work.
 *
 * @example
 * findLinks({ file: 'README.md', format: 'markdown', text: 'Weights: https://huggingface.co/org/m' })[0].kind // 'hub-model'
 */
export function findLinks(source: LinkSource): ReleaseLink[] {
  const links: ReleaseLink[] = [];
  const seen = new Set<string>();
  const context: Context = { heading: '', tableHeader: '', fenced: false, headings: 0, titleFirst: false };
  const lines = source.text.split('\n');
  let previous = '';
  for (const { index, line, fenced, isFenceLine, isHeading, heading, headingLevel } of markdownLines(lines)) {
    if (links.length >= MAX_LINKS_PER_TEXT) break;
    if (source.format === 'markdown') {
      context.fenced = fenced;
      // The fence lines themselves hold no link.
      if (isFenceLine) continue;
      if (isHeading) {
        context.heading = heading;
        context.tableHeader = '';
        if (++context.headings === 1) context.titleFirst = headingLevel === 1;
        continue;
      }
      if (TABLE_SEPARATOR_START.test(line) && previous.includes('|')) context.tableHeader = previous;
      else if (!line.includes('|')) context.tableHeader = '';
    }
    previous = line;
    if (!MAY_HOLD_LINK.test(line)) continue;
    if (source.format === 'markdown' && !context.fenced && MENTION_SECTION.test(context.heading)) continue;
    const inTable = source.format === 'markdown' && context.tableHeader !== '' && line.includes('|');
    const via: LinkVia = source.format === 'code' || context.fenced ? 'code' : inTable ? 'table' : 'text';
    const presented =
      source.format === 'markdown' &&
      !context.fenced &&
      ((context.titleFirst && context.headings === 1) ||
        OWN_SECTION.test(context.heading) ||
        OWN_LABEL.test(line));
    // A table row speaks as a whole (with its header); in prose only the words near the link do.
    const rowWords = inTable ? words(context.heading, context.tableHeader, line) : null;
    const near = (position: number, length: number) =>
      rowWords ?? words(context.heading, clauseAround(line, position, length));
    const add = (url: string, linkText: string, position: number, extra?: Partial<ReleaseLink>) => {
      const cleaned = trimUrl(url);
      if (cleaned.length > 2048 || seen.has(cleaned)) return;
      seen.add(cleaned);
      const classified = classifyUrl(cleaned);
      // Code names many URLs (docs, issues, APIs); only files and repositories to fetch say something.
      if (via === 'code' && classified.kind === 'web') return;
      const around = words(linkText, near(position, url.length));
      const at = { file: source.file, line: index + 1 };
      links.push(
        describeLink(cleaned, classified, around, line, via, at, {
          ...(presented ? { presented } : {}),
          ...extra,
        }),
      );
    };
    const markdownTexts = new Map<string, string>();
    for (const match of line.matchAll(MARKDOWN_LINK)) markdownTexts.set(trimUrl(match[3]!), match[1]!);
    for (const match of line.matchAll(URL_PATTERN))
      add(match[0], markdownTexts.get(trimUrl(match[0])) ?? '', match.index);
    if (source.format === 'code' || context.fenced) {
      // A call spread over lines (`from_pretrained(\n  "org/m",\n  revision="step3000")`) is read whole.
      const call = OPEN_CALL.test(line) ? [line, ...lines.slice(index + 1, index + 5)].join(' ') : line;
      for (const { pattern, dataset } of HUB_ID_IN_CODE) {
        for (const match of call.matchAll(pattern)) {
          const id = match[1]!;
          const revisionMatch = REVISION_ARGUMENT.exec(match[2] ?? '');
          const revision = revisionMatch?.[1] ?? revisionMatch?.[2];
          const url = dataset
            ? hubDatasetUrl(id)
            : `https://huggingface.co/${id}${revision ? `/tree/${revision}` : ''}`;
          add(url, '', match.index);
        }
      }
    }
  }
  return links;
}

function describeLink(
  url: string,
  classified: Classified,
  around: string,
  line: string,
  via: LinkVia,
  at: { file: string; line: number },
  extra: Partial<ReleaseLink> | undefined,
): ReleaseLink {
  const fromWords = componentsFromWords(around);
  let components: ComponentId[];
  switch (classified.kind) {
    case 'hub-model':
      components =
        classified.base[0] === 'intermediate-checkpoints' ||
        /\b(intermediate|\d+)\s+checkpoints\b|\brevisions?\b/i.test(around)
          ? ['intermediate-checkpoints']
          : classified.base;
      break;
    case 'hub-dataset':
      components =
        fromWords.includes('evaluation-data') && !/\btrain/i.test(around)
          ? ['evaluation-data']
          : ['training-datasets'];
      break;
    case 'git-repo':
      components = fromWords.filter((id) =>
        ['training-code', 'evaluation-code', 'inference-code', 'data-preprocessing-code'].includes(id),
      );
      break;
    case 'paper':
      components = REPORT_WORDS.test(around) ? ['technical-report'] : ['research-paper'];
      break;
    case 'download':
      components =
        classified.base.length > 0
          ? classified.base
          : fromWords.filter((id) => id === 'final-parameters' || id === 'training-datasets').slice(0, 1);
      break;
    case 'training-logs':
      components = ['training-logs'];
      break;
    default:
      components = [];
  }
  const license =
    findLicenseMentions(words(line))[0]?.license ??
    (classified.kind === 'license-terms' ? licenseOfPage(url) : undefined);
  const checksum = via === 'table' || via === 'code' ? CHECKSUM.exec(words(line))?.[1] : undefined;
  const evidence: EvidenceRef = {
    file: at.file,
    line: at.line,
    url,
    note: noteFor(classified.kind, via, line),
  };
  return {
    url,
    kind: classified.kind,
    ...(classified.target ? { target: classified.target } : {}),
    components,
    ...(classified.owner ? { owner: classified.owner } : {}),
    ...(license ? { license } : {}),
    ...(checksum ? { checksum: checksum.toLowerCase() } : {}),
    via,
    evidence,
    ...extra,
  };
}

function noteFor(kind: LinkKind, via: LinkVia, line: string): string {
  const where = via === 'table' ? 'table row' : via === 'code' ? 'code' : 'text';
  const snippet = line.replace(/\s+/g, ' ').trim().slice(0, 100);
  return `${kind} link in ${where}: ${snippet}`;
}

/** Whether a link's owner is the release's own (same Hub org or git account, or one naming the other). */
export function isSameOwner(owner: string | undefined, releaseOwners: readonly string[]): boolean {
  if (!owner) return false;
  const key = nameKey(owner);
  return releaseOwners.some((candidate) => {
    const other = nameKey(candidate);
    if (other.length < 2 || key.length < 2) return false;
    if (other === key) return true;
    // One account often extends the other: bigcode / bigcode-project, Qwen / QwenLM, google / google-deepmind.
    const [short, long] = other.length < key.length ? [other, key] : [key, other];
    return short.length >= 4 && long.startsWith(short);
  });
}

/**
 * The links a card's front matter names: its `datasets:` entries, as Hub dataset repositories. A
 * `base_model:` is lineage, not a part of this release (its weights are not this model's), so it
 * makes no link here.
 */
export function frontMatterLinks(
  datasets: ReadonlyArray<{ id: string; use: 'training' | 'evaluation'; evidence: EvidenceRef }>,
): ReleaseLink[] {
  const links: ReleaseLink[] = [];
  for (const dataset of datasets) {
    const url = hubDatasetUrl(dataset.id);
    links.push({
      url,
      kind: 'hub-dataset',
      target: `hf:datasets/${dataset.id}`,
      components: [dataset.use === 'training' ? 'training-datasets' : 'evaluation-data'],
      owner: dataset.id.includes('/') ? dataset.id.split('/')[0]!.toLowerCase() : undefined,
      via: 'front-matter',
      evidence: { ...dataset.evidence, url },
    });
  }
  return links;
}
