import type { Belonging } from "../types.js";
import { sinceYears } from "../shared/war-years.js";

const belonging: Belonging = {
  tally: [
    // Une année sans jour : ce qu'elle compte s'est passé sur toute l'année (« En 2024, 2 000 civils ont été tués »).
    ...sinceYears((y) => [`en ${y}`]), "l'an dernier", "l'année dernière", "l'an passé",
    ...sinceYears((y) => [`depuis ${y}`]),
    "au cours des dernières 24 heures", "ces dernières 24 heures", "en 24 heures", "au cours des dernières vingt-quatre heures",
    "sur les dernières 24 heures", "au cours de la journée", "en une journée", "depuis le début de la guerre", "depuis le début de l'invasion",
    "depuis le début du conflit", "depuis février 2022", "depuis le début de l'année", "bilan quotidien", "agression russe", "dans la guerre", "pendant la guerre", "depuis l'invasion",
    // Since the start of a month, a week, a year: a tally over many attacks.
    "depuis le début du mois de janvier", "depuis le début du mois de février", "depuis le début du mois de mars", "depuis le début du mois de avril", "depuis le début du mois de mai", "depuis le début du mois de juin", "depuis le début du mois de juillet", "depuis le début du mois de août", "depuis le début du mois de septembre", "depuis le début du mois de octobre", "depuis le début du mois de novembre", "depuis le début du mois de décembre", "depuis début janvier", "depuis début février", "depuis début mars", "depuis début avril", "depuis début mai", "depuis début juin", "depuis début juillet", "depuis début août", "depuis début septembre", "depuis début octobre", "depuis début novembre", "depuis début décembre", "depuis le début d'avril", "depuis le début d'août", "depuis le début d'octobre", "depuis le début de janvier", "depuis le début de février", "depuis le début de mars", "depuis le début de mai", "depuis le début de juin", "depuis le début de juillet", "depuis le début de septembre", "depuis le début de novembre", "depuis le début de décembre", "depuis le début du mois", "depuis le début de la semaine", "depuis le début de la semaine dernière", "au cours de la semaine écoulée", "en une semaine", "depuis un mois", "au cours du mois",
  ],
  retracted: [
    "ont démenti les informations selon lesquelles", "a démenti les informations selon lesquelles", "ont corrigé les premières informations selon lesquelles",
    "a corrigé les premières informations selon lesquelles", "contrairement aux premières informations", "ont démenti que", "a démenti que",
  ],
  background: [
    "quasiment toutes les nuits", "presque toutes les nuits", "presque chaque nuit", "régulièrement", "fréquemment", "à plusieurs reprises",
    "ces derniers mois", "ces dernières semaines", "depuis des mois",
  ],
  shelling: [
    "bombardements d'artillerie", "bombardement d'artillerie", "tirs d'artillerie", "artillerie", "obus", "pilonnage", "pilonnages",
    "tirs de mortier", "mortier", "mortiers", "lance-roquettes multiples", "tirs de chars", "mines antipersonnel",
    "combats", "affrontements",
  ],
  notInjured: [
    "ont demandé une aide médicale", "a demandé une aide médicale", "ont sollicité une aide médicale", "a sollicité une aide médicale",
    "ont demandé de l'aide", "ont consulté un médecin", "état de choc", "choqués", "choquées", "réaction de stress aigu", "stress aigu",
    "soutien psychologique", "aide psychologique",
  ],
  among: ["parmi", "au nombre des"],
  more: ["autres", "autre", "de plus", "en outre", "également", "aussi", "supplémentaires"],
  onePerson: ["le conducteur", "la conductrice", "son conducteur"],
  pronounOne: ["il", "elle"],
  age: ["ans", "âgé de", "âgée de", "âgés de", "âgées de", "né en", "née en"],
  broadArea: [
    "le sud de l'Ukraine", "l'est de l'Ukraine", "le nord de l'Ukraine", "l'ouest de l'Ukraine", "le centre de l'Ukraine", "sud de l'Ukraine",
    "est de l'Ukraine", "nord de l'Ukraine", "le sud du pays", "l'est du pays", "le nord du pays", "l'ouest du pays", "le centre du pays",
    "la ligne de front", "plusieurs régions", "diverses régions",
    "dans tout le pays", "à travers le pays", "dans l'ensemble du pays", "dans toute l'Ukraine", "à travers l'Ukraine", "dans toute la Russie", "à travers la Russie",
    "le reste du pays", "d'autres régions",
  ],
  river: ["fleuve", "rivière", "rive", "rives", "rive gauche", "rive droite", "berge", "berges", "réservoir", "estuaire"],
  polity: {
    after: [
      "n'a pas commenté", "n'a pas réagi", "a démenti", "dément", "accuse", "a accusé", "réclame", "a réclamé", "demande", "a demandé", "exhorte",
      "a exhorté", "appelle", "a appelé", "insiste", "refuse", "a refusé", "rejette", "a rejeté", "souhaite", "espère", "veut", "cherche",
      "et ses alliés", "et ses alliés occidentaux", "et ses partenaires",
    ],
    before: [
      "alliés de", "partenaires de", "soutiens de", "soutenu par", "soutenue par", "pression sur", "relations avec", "négociations avec",
      "pourparlers avec", "accord avec", "sanctions contre", "message à", "gouvernement de", "régime de", "ambassadeur à", "entre",
    ],
  },
  venue: [
    "arrivé à", "arrivée à", "arrivés à", "en visite à", "visite à", "s'est rendu à", "s'est rendue à", "sommet de", "conférence de presse à",
    "réunion à", "pourparlers à", "ambassade à", "vol de", "en route pour",
  ],
  alert: ["alerte aérienne", "alertes aériennes", "alerte antiaérienne", "sirènes d'alerte"],
  receive: ["ont été subies par", "subies par"],
  distributive: ["l'une", "l'un", "l'autre", "une autre", "un autre"],
  clauseBreak: ["tandis que", "alors que", "pendant que", "par ailleurs", "tandis qu'", "alors qu'", "pendant qu'"],
};

export default belonging;
