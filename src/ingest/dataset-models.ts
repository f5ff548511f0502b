// The dataset's model names → salvo's weapon classes and model ids (gold-format vocabulary).
import type { Weapon } from "../model/index.js";

export interface WeaponModel {
  weapon: Weapon;
  model: string | null;
}

const MODELS: Record<string, WeaponModel> = {
  "shahed-136/131": { weapon: "drone", model: "shahed" },
  "unknown uav": { weapon: "drone", model: null },
  gerbera: { weapon: "drone.decoy", model: "gerbera" },
  parody: { weapon: "drone.decoy", model: "parody" },
  "reconnaissance uav": { weapon: "drone.recon", model: null },
  "orlan-10": { weapon: "drone.recon", model: "orlan-10" },
  "orlan-30": { weapon: "drone.recon", model: "orlan-30" },
  zala: { weapon: "drone.recon", model: "zala" },
  supercam: { weapon: "drone.recon", model: "supercam" },
  "merlin-vr": { weapon: "drone.recon", model: "merlin-vr" },
  forpost: { weapon: "drone.recon", model: "forpost" },
  "granat-4": { weapon: "drone.recon", model: "granat-4" },
  eleron: { weapon: "drone.recon", model: "eleron" },
  orion: { weapon: "drone.recon", model: "orion" },
  "mohajer-6": { weapon: "drone.recon", model: "mohajer-6" },
  "картограф": { weapon: "drone.recon", model: "kartograf" },
  lancet: { weapon: "drone.strike", model: "lancet" },
  kub: { weapon: "drone.strike", model: "kub" },
  "молнія": { weapon: "drone.strike", model: "molniya" },
  "привет-82": { weapon: "drone.strike", model: "privet-82" },
  "фенікс": { weapon: "drone", model: "feniks" },
  "iskander-m": { weapon: "missile.ballistic", model: "iskander-m" },
  "kn-23": { weapon: "missile.ballistic", model: "kn-23" },
  "iskander-m/kn-23": { weapon: "missile.ballistic", model: "iskander-m/kn-23" },
  "ballistic missile": { weapon: "missile.ballistic", model: null },
  "intercontinental ballistic missile": { weapon: "missile.ballistic", model: null },
  "x-47 kinzhal": { weapon: "missile.aeroballistic", model: "kinzhal" },
  "iskander-k": { weapon: "missile.cruise", model: "iskander-k" },
  kalibr: { weapon: "missile.cruise", model: "kalibr" },
  "x-101/x-555": { weapon: "missile.cruise", model: "kh-101/kh-555" },
  "x-101": { weapon: "missile.cruise", model: "kh-101" },
  "x-555": { weapon: "missile.cruise", model: "kh-555" },
  "x-55": { weapon: "missile.cruise", model: "kh-55" },
  "x-22": { weapon: "missile.cruise", model: "kh-22" },
  "x-32": { weapon: "missile.cruise", model: "kh-32" },
  "x-35": { weapon: "missile.cruise", model: "kh-35" },
  "3m22 zircon": { weapon: "missile.cruise", model: "zircon" },
  "p-800 oniks": { weapon: "missile.cruise", model: "oniks" },
  banderol: { weapon: "missile.cruise", model: "banderol" },
  "unknown missile": { weapon: "missile", model: null },
  "x-59": { weapon: "missile.guided", model: "kh-59" },
  "x-69": { weapon: "missile.guided", model: "kh-69" },
  "x-59/x-69": { weapon: "missile.guided", model: "kh-59/kh-69" },
  "x-59mk2": { weapon: "missile.guided", model: "kh-59mk2" },
  "x-31": { weapon: "missile.guided", model: "kh-31" },
  "x-31p": { weapon: "missile.guided", model: "kh-31p" },
  "x-31pd": { weapon: "missile.guided", model: "kh-31pd" },
  "c-300": { weapon: "missile.sam", model: "s-300" },
  "c-400": { weapon: "missile.sam", model: "s-400" },
  "c-300/c-400": { weapon: "missile.sam", model: "s-300/s-400" },
  gbu: { weapon: "bomb", model: "gbu" },
  "aerial bomb": { weapon: "bomb", model: null },
};

/** Weapon class by the companion table's `category` and `type` (for models not named above). */
export function classFromCompanion(category: string, type: string): Weapon | null {
  const c = category.toLowerCase();
  const t = type.toLowerCase();
  if (c === "uav") {
    if (t.includes("reconnaissance") && !t.includes("armed")) return "drone.recon";
    if (t.includes("loitering")) return "drone.strike";
    return "drone";
  }
  if (c.includes("surface-to-air and")) return "missile";
  if (c.includes("surface-to-air")) return "missile.sam";
  if (c.includes("ballistic")) return "missile.ballistic";
  if (c.includes("cruise")) return "missile.cruise";
  if (c.includes("bomb")) return "bomb";
  if (c.includes("missile")) return "missile";
  return null;
}

function slug(name: string): string {
  return name.toLowerCase().replace(/^x-/, "kh-").replace(/\s+/g, "-");
}

/** The lowest class containing all the given classes (`drone.recon` + `drone.strike` → `drone`). */
function commonClass(ws: Weapon[]): Weapon {
  const first = ws[0]!;
  if (ws.every((w) => w === first)) return first;
  const tops = new Set(ws.map((w) => w.split(".")[0]));
  return tops.size === 1 ? ([...tops][0] as Weapon) : "any";
}

/**
 * One dataset model string → class and model. Several models joined by " and " are one figure
 * (the dataset gives no per-model numbers): the common class, models joined by "/".
 */
export function mapModel(raw: string, companion: Map<string, Weapon>): WeaponModel | null {
  const parts = raw.split(" and ").map((p) => p.trim()).filter(Boolean);
  if (parts.length === 0) return null;
  const mapped: WeaponModel[] = [];
  for (const p of parts) {
    const known = MODELS[p.toLowerCase()];
    if (known) {
      mapped.push(known);
      continue;
    }
    const cls = companion.get(p);
    if (!cls) return null;
    mapped.push({ weapon: cls, model: slug(p) });
  }
  if (mapped.length === 1) return mapped[0]!;
  const models = mapped.map((m) => m.model).filter((m): m is string => m !== null);
  return { weapon: commonClass(mapped.map((m) => m.weapon)), model: models.length ? models.join("/") : null };
}
