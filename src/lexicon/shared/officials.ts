/**
 * Regional officials whose statements reports retell, by the region they speak for, with the stems of their
 * surnames in Latin and Cyrillic spellings (a stem matches every case: "Собянин", "Собянина"). Used to place
 * a figure an official tells without naming the place ("Sobyanin reported 21 drones destroyed"). Only
 * surnames that reports use alone for one official; common surnames are left out.
 * Source: the officials named in public reports of 2022–2026 (governors, mayors, heads of military administrations).
 */
export const OFFICIALS: Readonly<Record<string, readonly string[]>> = {
  "RU-MOW": ["Sobyanin", "Sobianine", "Собянин", "Собянін"],
  "RU-MOS": ["Vorobyov", "Vorobiov", "Воробьев", "Воробьёв", "Воробйов"],
  "RU-BEL": ["Gladkov", "Гладков"],
  "RU-BRY": ["Bogomaz", "Богомаз"],
  "RU-KRS": ["Starovoit", "Khinshtein", "Khinchtein", "Старовойт", "Хинштейн", "Хінштейн"],
  "RU-VOR": ["Gusev", "Goussev", "Гусев", "Гусєв"],
  "RU-ROS": ["Slyusar", "Sliousar", "Golubev", "Goloubev", "Слюсар", "Голубев", "Голубєв"],
  "RU-KDA": ["Kondratyev", "Kondratiev", "Кондратьев", "Кондратьєв"],
  "RU-LIP": ["Artamonov", "Артамонов"],
  "RU-ORL": ["Klychkov", "Клычков", "Кличков"],
  "RU-KLU": ["Shapsha", "Шапша"],
  "RU-YAR": ["Yevraev", "Evraev", "Евраев", "Євраєв"],
  "RU-SAR": ["Busargin", "Бусаргин", "Бусаргін"],
  "RU-VGG": ["Bocharov", "Бочаров"],
  "RU-RYA": ["Malkov", "Мальков"],
  "RU-TUL": ["Milyaev", "Miliaev", "Миляев", "Міляєв"],
  "RU-SAM": ["Fedorishchev", "Fedorichtchev", "Федорищев"],
  "RU-LEN": ["Drozdenko", "Дрозденко"],
  "UA-23": ["Balitsky", "Balitski", "Балицкий", "Балицький"],
  "UA-43": ["Aksyonov", "Aksionov", "Аксенов", "Аксёнов", "Аксьонов"],
  "UA-40": ["Razvozhayev", "Razvojaev", "Развожаев", "Развожаєв"],
  "UA-65": ["Saldo", "Сальдо", "Prokudin", "Прокудин", "Прокудін"],
  "UA-14": ["Pushilin", "Pouchiline", "Пушилин", "Пушилін", "Filashkin", "Filachkine", "Филашкин", "Філашкін"],
  "UA-30": ["Klitschko", "Klitchko", "Кличк"],
  "UA-63": ["Syniehubov", "Synegoubov", "Sinegubov", "Синегубов", "Синєгубов", "Terekhov", "Terekhov", "Терехов"],
  "UA-51": ["Kiper", "Кипер", "Кіпер", "Trukhanov", "Труханов"],
  "UA-12": ["Lysak", "Lyssak", "Лысак", "Лисак", "Lukashuk", "Лукашук"],
  "UA-48": ["Vitaliy Kim", "Vitali Kim", "Виталий Ким", "Віталій Кім", "Кім"],
  "UA-46": ["Kozytskyi", "Kozytskyy", "Козицкий", "Козицький", "Sadovyi", "Sadovy", "Садовый", "Садовий"],
  "UA-59": ["Zhyvytskyi", "Живицкий", "Живицький", "Hryhorov", "Григоров"],
  "UA-74": ["Chaus", "Чаус"],
  "UA-35": ["Raikovych", "Райкович"],
  "UA-05": ["Borzov", "Борзов"],
  "UA-71": ["Taburets", "Табурец", "Табурець"],
  "UA-18": ["Bunechko", "Bounetchko", "Бунечко"],
  "UA-32": ["Kalashnyk", "Калашник"],
};

/** The region of the official a name mention stands for, if one: a word of it is a known surname in one of its cases. */
export function officialRegion(text: string): string | null {
  const t = text.trim().toLowerCase();
  const words = t.split(/\s+/);
  for (const [region, stems] of Object.entries(OFFICIALS)) {
    for (const stem of stems) {
      const s = stem.toLowerCase();
      // "Собянина", "Кличка": a case ending of up to three letters; "Vitali Kim": a first name and surname together.
      if (s.includes(" ") ? t.includes(s) : words.some((w) => w.startsWith(s) && w.length - s.length <= 3)) return region;
    }
  }
  return null;
}
