import type { DateMention } from "./mentions.js";

export interface AttackDate {
  date: string;
  night: boolean;
  certain: boolean;
  /** The mentions the choice rests on, first the one that gave the date. */
  evidence: DateMention[];
}

/**
 * The date of a document's main attack from its date mentions: the first mention, made a night
 * when a later night phrase points at the same day ("said on Friday … overnight": the night
 * ending Friday). A dateless night cue that only echoes the publication day gives way to a
 * later phrase that names its day.
 */
export function pickAttackDate(mentions: readonly DateMention[]): AttackDate | null {
  const first = mentions[0];
  if (!first) return null;
  let main = first;
  if (main.rule === "date/night-reference") {
    const named = mentions.find((m) => m.night && m.certain);
    if (named) main = named;
  }
  if (main.night) return { date: main.date, night: true, certain: main.certain, evidence: [main] };
  const night = mentions.find((m) => m !== main && m.night && m.date === main.date);
  if (night && main.kind !== "window") {
    return { date: main.date, night: true, certain: main.certain, evidence: [main, night] };
  }
  return { date: main.date, night: false, certain: main.certain, evidence: [main] };
}
