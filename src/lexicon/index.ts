import type { Lang } from "../model/vocab.js";
import type { Lexicon } from "./types.js";
import en from "./en/index.js";
import fr from "./fr/index.js";
import ru from "./ru/index.js";
import uk from "./uk/index.js";

export const LEXICONS: Record<Lang, Lexicon> = { fr, en, uk, ru };
export type { Lexicon } from "./types.js";
