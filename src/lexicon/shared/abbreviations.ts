/** Short words after which a full stop does not end a sentence (all languages; lower case, no dot). */
export const ABBREVIATIONS: readonly string[] = [
  "м", "г", "с", "смт", "пгт", "сел", "пос", "х", "обл", "р", "ст", "вул", "ул", "просп", "пр", "д", "т", "ч", "тис", "тыс",
  "млн", "млрд", "км", "мск", "р-н", "н", "п", "св", "ім", "им", "т.д", "т.п", "etc", "mr", "mrs", "ms",
  "dr", "st", "gen", "lt", "col", "sgt", "no", "vs", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
  "sept", "oct", "nov", "dec", "janv", "févr", "avr", "juil", "déc", "m", "mme", "mlle", "env",
];
