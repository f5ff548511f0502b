import type { Provenance, Span } from "./span.js";
import type { GoldCasualty, GoldCount } from "./gold.js";
import type {
  Claimant,
  DocKind,
  Lang,
  Org,
  PeriodName,
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

/** A clock time as the text states it: "18:00", with its day and time zone when the text gives them. */
export interface PeriodPoint {
  /** HH:MM, 24-hour; "24:00" for a window that ends at midnight ("до полуночи", "et minuit"). */
  time: string;
  /** YYYY-MM-DD when the text names the day ("з 18:00 3 липня"); null when it gives only the time. */
  date: string | null;
  /** IANA zone or fixed offset ("Europe/Moscow" for "мск", "+03:00"); null when the text names none. */
  zone: string | null;
}

/**
 * The reporting window a report's figures cover, as the text states it: start and end times ("з 18:00 3 липня
 * до 08:00 4 липня", "в период с 8.00 мск до 11.00 мск"), and/or a named period ("в течение ночи", "over the
 * past 24 hours"). The provenance marks the cue words (evidence role `period`).
 */
export interface Period {
  start: PeriodPoint | null;
  end: PeriodPoint | null;
  named: PeriodName | null;
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
  /** The reporting window of the report's figures; null (or absent, for reports built elsewhere) when the text states none. */
  period?: Period | null;
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
