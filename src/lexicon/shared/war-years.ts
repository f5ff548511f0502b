/**
 * The years of the war (since 2014, the full-scale invasion since 2022): "since 2022", "з 2022 року" set a
 * tally's period, not one attack's. Lexicons phrase them in their own words.
 */
// A fixed range, not the clock's year: the same text must read the same whenever it is read.
export const WAR_YEARS: readonly number[] = Array.from({ length: 2035 - 2014 + 1 }, (_, i) => 2014 + i);

export const sinceYears = (phrase: (year: number) => string[]): string[] => WAR_YEARS.flatMap(phrase);
