import { checkRelease } from '../../checker/index.ts';
import { publicSourceLabel } from '../../util/index.ts';
import type { CatalogModelRecord } from '../catalog/catalog-batch.ts';
import type { SourceRef } from '../catalog-records.ts';
import { bareModelRecord } from './bare-model-record.ts';
import type { Importer } from './importer.ts';
import { recordItem } from './parse-item.ts';
import { manifestFacts, releaseAccessibility, releaseSourceUrl } from './release-pack-facts.ts';

/** A release checked by `aperture check`, with its openness profile. */
export const releasePack: Importer = {
  id: 'release-pack',
  title: 'Checked release pack',
  summary: 'a release checked by `aperture check` (folder, archive, git URL or hf:org/name)',
  docs: {
    source:
      'Any target `aperture check` reads: a release-pack folder, an archive, a git URL or a Hub model (`hf:org/name`). The release is checked as `aperture check` checks it, so the catalog holds the same score the report shows.',
    records:
      'The release becomes a model of source `release-pack` keyed by `name@version` (organization, country, release date, modality as domain, parameters, training compute and homepage from its manifest; the source URL is the homepage, else the Hub page of an `hf:` target, else the target URL; accessibility from the weights: released under an open license → open weights unrestricted, under a restrictive AI license or behind a gate → restricted, withheld or only described → unreleased; openness score, MOF class, the whole profile and the open-washing verdict), and a rating of scheme `aperture` with its score and MOF class. A target that cannot be checked fails the import.',
  },
  argument: 'TARGET',
  source: 'target',
  acceptsUrl: false,
  primaryTable: 'models',
  example: 'aperture import release-pack hf:allenai/OLMo-2-1124-7B',
  async *read(input) {
    const report = await checkRelease(input.path);
    // What the catalog keeps of the target is what others may see: never the server's own path.
    const target = publicSourceLabel(input.display);
    const profile = { ...report.profile, source: { ...report.profile.source, ref: target } };
    const name = profile.model.name;
    const externalId = profile.model.version ? `${name}@${profile.model.version}` : name;
    const source: SourceRef = { source: 'release-pack', file: target, line: null };
    const facts = manifestFacts(report.manifest.state === 'valid' ? report.manifest.value : null);
    const weights = profile.components.find((component) => component.id === 'final-parameters');
    const accessibility = releaseAccessibility(weights);
    const model: CatalogModelRecord = {
      ...bareModelRecord(name, source, {
        organizations: profile.model.organization ? [profile.model.organization] : [],
        countries: profile.model.country ? [profile.model.country] : [],
        link: releaseSourceUrl(input.display, facts.homepage),
        published: facts.published,
        domains: facts.domains,
        parameters: facts.parameters,
        trainingComputeFlop: facts.trainingComputeFlop,
        accessibility,
        accessibilityText: weights
          ? `final-parameters ${weights.status}, license ${weights.license.expression ?? (weights.license.input || 'none')}`
          : '',
      }),
      externalId,
      opennessScore: profile.score,
      mofClass: profile.mof.class,
      profile,
      // A release that does not call itself open source (openWashing null) is not open-washing.
      openWashing: {
        flagged: profile.openWashing?.flagged ?? false,
        reason: profile.openWashing?.reason ?? null,
      },
      ...(input.display.startsWith('hf:')
        ? { externalIds: { hf: input.display.slice(3).split('@')[0]! } }
        : {}),
    };
    yield recordItem({
      models: [model],
      ratings: [
        {
          scheme: 'aperture',
          subject: externalId,
          organization: profile.model.organization ?? null,
          score: profile.score,
          ratingClass: profile.mof.class,
          details: { target, mof: profile.mof, osaid: profile.osaid, asOf: profile.asOf },
          source,
        },
      ],
    });
  },
};
