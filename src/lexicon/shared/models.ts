import type { Side, Weapon } from "../../model/vocab.js";

/**
 * Weapon models with their class and their spellings in Latin and Cyrillic script (all languages
 * share them). Forms ending in `*` are stems for inflected Cyrillic words ("шахедів", "Калібрами").
 */
export interface ModelEntry {
  weapon: Weapon;
  forms: string[];
  /** The side that fires it, where only one does: a model named tells who attacked. */
  side?: Side;
  /**
   * Named for its class and side only: the gold vocabulary has no model id for it (multiple rocket
   * launchers, bombs), so a count of it carries no model.
   */
  anonymous?: true;
}

const models = {
  shahed: {
    weapon: "drone.strike",
    side: "RU",
    forms: ["Shahed", "Shaheds", "Shahed-136", "Shahed-131", "Shahed-136/131", "Shahed-131/136", "Shahed 136", "Shahed-238", "Шахед*", "Шахєд*", "Шахід*", "Shahid", "Shahids"],
  },
  "geran-2": { weapon: "drone.strike", side: "RU", forms: ["Geran-2", "Geran 2", "Geran", "Герань-2", "Герань", "Герані", "Герани"] },
  gerbera: { weapon: "drone.decoy", side: "RU", forms: ["Gerbera", "Гербера", "Гербер*"] },
  parody: { weapon: "drone.decoy", side: "RU", forms: ["Parody", "Пародія", "Пародия"] },
  italmas: { weapon: "drone.strike", side: "RU", forms: ["Italmas", "Італмас", "Италмас"] },
  banderol: { weapon: "drone.strike", side: "RU", forms: ["Banderol", "Бандероль", "Бандерол*", "S8000", "S-8000", "С8000"] },
  "dan-t": { weapon: "drone.strike", side: "RU", forms: ["Dan-T", "Дань-Т"] },
  lancet: { weapon: "drone.strike", side: "RU", forms: ["Lancet", "Ланцет*"] },
  "orlan-10": { weapon: "drone.recon", side: "RU", forms: ["Orlan-10", "Орлан-10", "Orlan", "Орлан"] },
  zala: { weapon: "drone.recon", side: "RU", forms: ["Zala", "Зала"] },
  supercam: { weapon: "drone.recon", side: "RU", forms: ["Supercam", "Суперкам"] },
  lyutyi: { weapon: "drone.strike", side: "UA", forms: ["Lyutyi", "Liutyi", "Лютий", "Лютый"] },
  "kh-101": { weapon: "missile.cruise", side: "RU", forms: ["Kh-101", "X-101", "Х-101", "Х101", "Kh101", "Ch-101"] },
  "kh-555": { weapon: "missile.cruise", side: "RU", forms: ["Kh-555", "X-555", "Х-555", "Ch-555"] },
  "kh-55": { weapon: "missile.cruise", side: "RU", forms: ["Kh-55", "X-55", "Х-55", "Ch-55"] },
  kalibr: { weapon: "missile.cruise", side: "RU", forms: ["Kalibr", "Kalibrs", "Калібр*", "Калибр*", "3M14", "3М14"] },
  "iskander-m": { weapon: "missile.ballistic", side: "RU", forms: ["Iskander-M", "Іскандер-М", "Искандер-М", "Iskander M"] },
  "iskander-k": { weapon: "missile.cruise", side: "RU", forms: ["Iskander-K", "Іскандер-К", "Искандер-К", "Iskander K"] },
  "kn-23": { weapon: "missile.ballistic", side: "RU", forms: ["KN-23", "КН-23", "KN23"] },
  kinzhal: { weapon: "missile.aeroballistic", side: "RU", forms: ["Kinzhal", "Kinjal", "Kinschal", "Кинджал*", "Кинжал*", "Х-47М2", "Kh-47M2", "X-47M2", "Ch-47M2"] },
  "kh-22": { weapon: "missile.cruise", side: "RU", forms: ["Kh-22", "X-22", "Х-22", "Ch-22"] },
  "kh-32": { weapon: "missile.cruise", side: "RU", forms: ["Kh-32", "X-32", "Х-32", "Ch-32"] },
  "kh-59": { weapon: "missile.guided", side: "RU", forms: ["Kh-59", "X-59", "Х-59", "Kh-59MK2", "Х-59МК2", "Ch-59"] },
  "kh-69": { weapon: "missile.guided", side: "RU", forms: ["Kh-69", "X-69", "Х-69", "Ch-69"] },
  "kh-31p": { weapon: "missile.guided", side: "RU", forms: ["Kh-31P", "X-31P", "Х-31П", "Х-31", "Ch-31P"] },
  "kh-35": { weapon: "missile.cruise", side: "RU", forms: ["Kh-35", "X-35", "Х-35", "Ch-35"] },
  "s-300": { weapon: "missile.sam", forms: ["S-300", "С-300"] },
  "s-400": { weapon: "missile.sam", forms: ["S-400", "С-400"] },
  // Ukraine's S-200 missiles refitted to strike the ground.
  "s-200": { weapon: "missile.sam", side: "UA", forms: ["S-200", "С-200", "S200", "С200"] },
  zircon: { weapon: "missile.cruise", side: "RU", forms: ["Zircon", "Tsirkon", "Циркон*", "3М22", "3M22"] },
  oniks: { weapon: "missile.cruise", side: "RU", forms: ["Oniks", "Onyx", "Онікс*", "Оникс*", "П-800"] },
  atacms: { weapon: "missile.ballistic", side: "UA", forms: ["ATACMS", "Атакмс", "АТАКМС", "ATACMs", "MGM-140 ATACMS", "MGM-140"] },
  "storm-shadow": { weapon: "missile.cruise", side: "UA", forms: ["Storm Shadow", "Storm Shadows", "Сторм Шедоу", "Сторм Шэдоу", "Шторм Шэдоу", "Шторм Шедоу", "SCALP", "SCALP-EG"] },
  harm: { weapon: "missile.guided", side: "UA", forms: ["HARM", "AGM-88", "AGM-88 HARM", "ХАРМ"] },
  neptune: { weapon: "missile.cruise", side: "UA", forms: ["Neptune", "Нептун*"] },
  "tochka-u": { weapon: "missile.ballistic", forms: ["Tochka-U", "Точка-У"] },
  himars: { weapon: "rocket", anonymous: true, side: "UA", forms: ["HIMARS", "Хаймарс", "Хаймарс*"] },
  vampire: { weapon: "rocket", anonymous: true, side: "UA", forms: ["Vampire", "Вампір", "Вампир"] },
  "tornado-s": { weapon: "rocket", anonymous: true, forms: ["Tornado-S", "Торнадо-С"] },
  smerch: { weapon: "rocket", anonymous: true, forms: ["Smerch", "Смерч"] },
  uragan: { weapon: "rocket", anonymous: true, forms: ["Uragan", "Ураган"] },
  hammer: { weapon: "bomb", anonymous: true, side: "UA", forms: ["AASM Hammer", "Hammer", "Хаммер", "Хамер"] },
} satisfies Record<string, ModelEntry>;

export type ModelId = keyof typeof models;
export const MODELS: Record<string, ModelEntry> = models;

/**
 * A pair written with one prefix ("Х-59/69", "S-300/400", "Х-22/32"): the bare number after the slash
 * names the model of the same family, the first model's id with that number, when there is one.
 * Variants of one model ("Shahed-136/131") stay that model.
 */
export function shorthandModel(first: string, digits: string): string | null {
  const family = /^([a-z]+-)\d+[a-z]*$/.exec(first);
  if (family) {
    const id = `${family[1]}${digits}`;
    return id in MODELS ? id : null;
  }
  return first === "shahed" && (digits === "131" || digits === "136") ? "shahed" : null;
}
