/**
 * The typed records the importers produce. They carry no database knowledge: the store maps them to
 * tables. Every record names the source it came from so that a figure can always be traced to a row.
 */

import { ACCESSIBILITY_VALUES, type AccessibilityValue } from '../spec/index.ts';

/** Where a record came from: a source kind, a file (or URL) and the 1-based line of the row, if any. */
export interface SourceRef {
  source: 'epoch' | 'mot' | 'osai' | 'fmti' | 'openalex' | 'hf' | 'release-pack' | 'demo';
  file: string;
  line: number | null;
}

/**
 * How a model's weights can be reached, in one vocabulary for every source (Epoch's, old and new):
 * the store's column vocabulary, so records and rows never disagree.
 */
export const ACCESSIBILITIES = ACCESSIBILITY_VALUES;

/** One of ACCESSIBILITIES. */
export type Accessibility = AccessibilityValue;

/** Kinds of organization, Epoch's `Organization categorization` vocabulary in lower case. */
export const ORGANIZATION_KINDS = [
  'industry',
  'academia',
  'government',
  'research-collective',
  'other',
] as const;

/** One of ORGANIZATION_KINDS. */
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

/** A date as the source published it, with the ISO form when the text is a date. */
export interface PublishedDate {
  /** The text exactly as the source wrote it. */
  text: string;
  /** `YYYY-MM-DD`, `YYYY-MM` or `YYYY` when the text parses as such, otherwise null. */
  iso: string | null;
}

/** An organization that builds or releases models. */
export interface OrganizationRecord {
  name: string;
  /** ISO 3166-1 alpha-2 codes, when the source says. */
  countries: string[];
  kind: OrganizationKind | null;
  source: SourceRef;
}

/** A model as a catalog lists it (Epoch, Hugging Face, a release pack). */
export interface ModelRecord {
  name: string;
  /** Organizations in source order. */
  organizations: string[];
  /** The organization kinds the source lists, in source order (one per organization, not always aligned). */
  organizationKinds: OrganizationKind[];
  published: PublishedDate;
  domains: string[];
  parameters: number | null;
  trainingComputeFlop: number | null;
  accessibility: Accessibility;
  /** The accessibility text as written, for audit. */
  accessibilityText: string;
  /** Distinct ISO 3166-1 alpha-2 codes of the organizations' countries, in order of first mention. */
  countries: string[];
  /** True when the source lists the organization as `Multinational` (kept as a flag, not a country). */
  multinational: boolean;
  /** Country names the importer could not map to a code (also reported in `warnings`). */
  unmappedCountries: string[];
  baseModel: string | null;
  link: string | null;
  notability: string[];
  /** Cell-level problems that did not stop the row (an unparseable date, an unknown vocabulary term). */
  warnings: string[];
  source: SourceRef;
}

/** A derived-from edge: `child` was built from `parent`. */
export interface LineageEdgeRecord {
  child: string;
  parent: string;
  relation: 'finetune' | 'adapter' | 'quantized' | 'merge' | 'base';
  source: SourceRef;
}

/** Adoption of a model at one date. */
export interface AdoptionSnapshotRecord {
  model: string;
  /** ISO date of the snapshot. */
  date: string;
  downloads: number | null;
  likes: number | null;
  derivatives: number | null;
  source: SourceRef;
}

/** A researcher (OpenAlex author). */
export interface PersonRecord {
  id: string;
  name: string;
  orcid: string | null;
  source: SourceRef;
}

/** Institution types, OpenAlex's vocabulary. */
export const INSTITUTION_TYPES = [
  'education',
  'healthcare',
  'company',
  'archive',
  'nonprofit',
  'government',
  'facility',
  'other',
] as const;

/** One of INSTITUTION_TYPES. */
export type InstitutionType = (typeof INSTITUTION_TYPES)[number];

/** A person's affiliation with an institution over some years. */
export interface AffiliationRecord {
  personId: string;
  institution: { id: string; name: string; type: InstitutionType | null; country: string | null };
  years: number[];
  source: SourceRef;
}

/** A developer's score on one edition of a transparency index (Stanford FMTI). */
export interface TransparencyScoreRecord {
  index: 'fmti';
  /** The edition, e.g. `2025-12`. */
  edition: string;
  developer: string;
  /** Points earned and indicators scored. */
  total: number;
  maxTotal: number;
  /** Points per indicator name (0 or 1 in FMTI); null where the cell was empty. */
  indicators: Record<string, number | null>;
  source: SourceRef;
}

/** How a component's license was resolved in a Model Openness Tool entry. */
export type MotLicenseOrigin =
  | 'component'
  | 'release.license.code'
  | 'release.license.data'
  | 'release.license.document'
  | 'release.license.distribution'
  | 'none';

/** One component's verdict in a Model Openness Framework rating. */
export interface MofComponentVerdict {
  /** Aperture's component id. */
  id: string;
  mofName: string;
  included: boolean;
  /** The license text that applied, and where it came from. */
  licenseText: string | null;
  licenseOrigin: MotLicenseOrigin;
  licenseClass: 'open' | 'restricted' | 'proprietary' | 'none' | 'unknown';
  /** open: included under an open license; not-open: included otherwise; missing: not listed. */
  verdict: 'open' | 'not-open' | 'missing';
}

/** A Model Openness Framework rating of one model (from a Model Openness Tool entry). */
export interface MofRatingRecord {
  scheme: 'mof';
  /**
   * The release's producer; null when the file leaves it empty (valid in the tool's schema): the model
   * then has no organization, and no organization is invented for it.
   */
  producer: string | null;
  model: string;
  version: string | null;
  date: string | null;
  /** The most open class fully met (I most open), or null. */
  mofClass: 'I' | 'II' | 'III' | null;
  /** Share of each class's required components included under open licenses, 0–100. */
  progress: { I: number; II: number; III: number };
  components: MofComponentVerdict[];
  /** Component names in the file that are not MOF components (ignored for the rating). */
  unknownComponents: string[];
  source: SourceRef;
}

/** One dimension of the European Open Source AI Index. */
export interface OsaiDimension {
  ref: string;
  name: string;
  group: string;
  /** `na` when the entry leaves the class empty: the index's "NA", worth 0 in its score. */
  rating: 'open' | 'partial' | 'closed' | 'na';
  link: string | null;
  notes: string | null;
}

/** A European Open Source AI Index entry: a system rated on each dimension. */
export interface OsaiRatingRecord {
  scheme: 'osai';
  system: string;
  organization: string;
  link: string | null;
  modality: string | null;
  baseModel: string | null;
  endModel: string | null;
  endModelLicense: string | null;
  releaseDate: PublishedDate | null;
  /** From the YAML comments, as written (`China`, `International`, `Undisclosed`); null when absent. */
  nationalOrigin: string | null;
  /** ISO 3166-1 alpha-2 of the national origin when it names one country. */
  country: string | null;
  /** From the YAML comments, as written (`Non-academic (Chinese Big Tech)`). */
  contributorType: string | null;
  /** Every `# - Key: value` tag of the YAML comments, as written (training compute notes, …). */
  tags: Record<string, string>;
  dimensions: OsaiDimension[];
  source: SourceRef;
}

/** An openness rating from either framework. */
export type OpennessRatingRecord = MofRatingRecord | OsaiRatingRecord;

/**
 * A scholarly work (an OpenAlex work) as the catalog keeps it: id, title and year, and the model
 * families it names as a baseline or base model. The abstract is read to find them and not kept.
 */
export interface WorkRecord {
  /** `https://openalex.org/W…`. */
  id: string;
  title: string | null;
  year: number | null;
  /** The work's DOI URL, else its OpenAlex page. */
  url: string;
  mentions: { family: string; origin: string; rule: string }[];
  source: SourceRef;
}
