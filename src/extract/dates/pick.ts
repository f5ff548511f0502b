import { addDays, type CivilDate, formatDate, toDays } from "./calendar.js";
import type { DateMention } from "./mentions.js";

function civil(iso: string): CivilDate {
  const [y, m, d] = iso.split("-").map(Number);
  return { y: y ?? 1970, m: m ?? 1, d: d ?? 1 };
}

function nextDay(iso: string): string {
  return formatDate(addDays(civil(iso), 1));
}

function daysBetween(a: string, b: string): number {
  return toDays(civil(b)) - toDays(civil(a));
}

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
 * later phrase that names its day, and an evening followed by a night ending the next morning is
 * that night.
 */
export function pickAttackDate(
  mentions: readonly DateMention[],
  opensSentence: (m: DateMention) => boolean = () => false,
  atEvening: (m: DateMention) => boolean = () => false,
  together: (a: DateMention, b: DateMention) => boolean = () => true,
  earlierEvent: (m: DateMention) => boolean = () => false,
): AttackDate | null {
  // A day told of an earlier event ("Накануне Гладков сообщал…", "had said on Sunday") is not the story's day.
  const first = mentions.find((m) => !earlierEvent(m));
  if (!first) return null;
  let main = first;
  if (main.rule === "date/night-reference") {
    const named = mentions.find((m) => m.night && m.certain);
    if (named) main = named;
    else {
      // Wire copy published a day later: "overnight" is relative to the day the story names
      // ("… said on Saturday"), not to the publication date.
      // (The evening a night began, "із вечора 6 лютого", is no later day of the story.)
      // (Not a day that opens its sentence: "On Tuesday, a strike killed four" is the day of another event.)
      // (Nor the day whose evening hour a window starts at: "depuis dimanche 22 h", "з 22:00 неділі".)
      // (Only a day told with the overnight lede, in its paragraph: "Earlier on Tuesday, a strike…" further down is another event.)
      // (Nor a day told of an earlier event: "le ministère avait annoncé dimanche", "Russia earlier said on Sunday".)
      const day = mentions.find((m) => (m.kind === "weekday" || m.kind === "explicit") && !m.night && m.part !== "evening" && !atEvening(m) && !opensSentence(m) && together(m, main) && !earlierEvent(m));
      const lag = day ? daysBetween(day.date, main.date) : 0;
      if (day && lag >= 1 && lag <= 2) {
        return { date: day.date, night: true, certain: false, evidence: [main, day] };
      }
    }
  }
  if (main.night) return { date: main.date, night: true, certain: main.certain, evidence: [main] };
  if (main.part === "evening") {
    // "launched on the evening of December 24" and a night ending the 25th: one overnight attack.
    const after = nextDay(main.date);
    const night = mentions.find((m) => m.night && m.date === after);
    if (night) return { date: night.date, night: true, certain: night.certain, evidence: [night, main] };
  }
  const night = mentions.find((m) => m !== main && m.night && m.date === main.date);
  if (night && main.kind !== "window") {
    return { date: main.date, night: true, certain: main.certain, evidence: [main, night] };
  }
  return { date: main.date, night: false, certain: main.certain, evidence: [main] };
}
