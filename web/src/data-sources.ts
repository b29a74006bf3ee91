import type { DataSource, DataSourcesResponse } from '../../src/spec/api/index.ts';
import { fetchJson } from './api-client.ts';

/** What the dashboard knows of each source without the server: its title and what fills it. */
export interface SourceInfo {
  title: string;
  /** The commands that load it into the catalog, as shown in empty states. */
  fill: string[];
}

/** Every source id an indicator can name (see IndicatorDefinition.sources) with its title and commands. */
export const SOURCE_INFO: Readonly<Record<string, SourceInfo>> = {
  epoch: { title: 'Epoch AI notable models', fill: ['aperture sync epoch', 'aperture import epoch FILE'] },
  mot: {
    title: 'Model Openness Tool ratings',
    fill: ['aperture sync mot', 'aperture import mot FOLDER'],
  },
  osai: {
    title: 'European Open Source AI Index',
    fill: ['aperture sync osai', 'aperture import osai FOLDER'],
  },
  fmti: {
    title: 'Foundation Model Transparency Index',
    fill: ['aperture sync fmti', 'aperture import fmti FILE'],
  },
  openalex: { title: 'OpenAlex authors', fill: ['aperture import openalex FILE'] },
  'openalex-works': { title: 'OpenAlex works', fill: ['aperture import openalex-works FILE'] },
  hf: { title: 'Hugging Face Hub listings', fill: ['aperture import hf AUTHOR'] },
  'release-pack': { title: 'Checked release packs', fill: ['aperture import release-pack TARGET'] },
  'aperture-program': { title: 'Aperture funding programs', fill: ['aperture programs load FILE'] },
  demo: { title: 'Demo catalog', fill: ['aperture serve --demo'] },
};

/** The title of a source: the server's when it has one, else the dashboard's, else its id. */
export function sourceTitle(id: string, loaded?: DataSource): string {
  return loaded?.title ?? SOURCE_INFO[id]?.title ?? id;
}

/**
 * The empty state of data from `sources`, in inline Markdown: which import or sync fills it, e.g.
 * "No Epoch AI notable models yet: run `aperture sync epoch` or `aperture import epoch FILE`."
 */
export function fillHint(sources: readonly string[], what = 'data for this indicator'): string {
  if (sources.length === 0) return `No ${what} yet: load a source with \`aperture import\`.`;
  const titles = sources.map((id) => sourceTitle(id)).join(' or ');
  const commands = sources.flatMap((id) => SOURCE_INFO[id]?.fill ?? [`aperture import ${id} FILE`]);
  return `No ${what} yet (it counts ${titles}): run ${commands.map((command) => `\`${command}\``).join(' or ')}.`;
}

let loaded: Promise<DataSource[] | null> | null = null;

/**
 * The sources of the catalog from GET /api/sources, fetched once per page load and shared; null when
 * the server does not answer them (an older server: 404), so charts fall back to their definitions.
 */
export function dataSources(): Promise<DataSource[] | null> {
  loaded ??= fetchJson<DataSourcesResponse>('/api/sources').then(
    (answer) => answer.sources,
    () => null,
  );
  return loaded;
}

/**
 * The day the data of `sources` runs to: the latest snapshot date among them, never after `today`;
 * `today` when none is known (the current period is then the partial one).
 */
export function dataAsOf(
  sources: readonly string[],
  loaded: readonly DataSource[] | null,
  today: string = new Date().toISOString().slice(0, 10),
): string {
  const dates = (loaded ?? [])
    .filter((source) => sources.includes(source.id) && source.snapshotDate)
    .map((source) => source.snapshotDate!.slice(0, 10))
    .sort();
  const latest = dates.at(-1);
  return latest !== undefined && latest < today ? latest : today;
}
