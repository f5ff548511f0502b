import type { Provenance, Span } from "./span.js";
import type { GoldCasualty, GoldCount } from "./gold.js";
import type {
  Claimant,
  DocKind,
  Lang,
  Org,
  PlaceRole,
  RecordMetric,
  RecordScope,
  RegionCode,
  Side,
} from "./vocab.js";

/** A figure about weapons: the gold format's count, with the text it rests on. */
export interface Count extends GoldCount {
  provenance: Provenance;
}

/** People killed, injured or taken to hospital, with the text it rests on. */
export interface Casualty extends GoldCasualty {
  provenance: Provenance;
}

export interface RegionFact {
  region: RegionCode;
  provenance: Provenance;
}

export interface RecordClaim {
  metric: RecordMetric;
  scope: RecordScope;
  provenance: Provenance;
}

export interface Place {
  name: string;
  region: RegionCode;
  role: PlaceRole;
  provenance: Provenance;
}

export interface OrgFact {
  org: Org;
  provenance: Provenance;
}

/** One attack as told by one side in one document: the gold format's report, with provenance. */
export interface Report {
  claimant: Claimant;
  claimant_orgs: Org[];
  attacker: Side;
  target: Side;
  /** Local date of the attack (YYYY-MM-DD); null when neither text nor publication time tells. */
  date: string | null;
  night: boolean;
  counts: Count[];
  targets: RegionCode[];
  casualties: Casualty[];
  launch_areas: RegionCode[];
  record_claims: RecordClaim[];
  places: Place[];
  /** Evidence for the string-valued lists above and for the key. */
  target_facts: RegionFact[];
  launch_area_facts: RegionFact[];
  org_facts: OrgFact[];
  date_evidence: Provenance | null;
}

export interface SourceInfo {
  publisher: string | null;
  url: string | null;
  published: string | null;
  channel: string | null;
}

export interface Extraction {
  lang: Lang;
  /** How the language was chosen. */
  lang_source: "option" | "detected" | "metadata";
  kind: DocKind;
  /** The normalized text every span points into. */
  text: string;
  title: string | null;
  source: SourceInfo;
  /** Publication / update times stated by the text itself (ISO 8601 with offset). */
  published: string | null;
  updated: string | null;
  published_span: Span | null;
  updated_span: Span | null;
  reports: Report[];
  /** The refiners (src/extract/refine) that changed this reading, in the order they ran. */
  refiners?: string[];
  warnings: string[];
}

export interface ExtractOptions {
  lang?: Lang;
  kind?: DocKind;
  /** The publication time known from outside the text (page metadata, feed, Telegram). */
  published?: string | null;
  publisher?: string | null;
  url?: string | null;
  channel?: string | null;
  title?: string | null;
}
