import type { Belonging } from "../types.js";
import { sinceYears } from "../shared/war-years.js";

const belonging: Belonging = {
  tally: [
    // A year with no day: what it counts happened over that year ("In 2024, 2,000 civilians were killed").
    ...sinceYears((y) => [`in ${y}`]), "last year", "in the past year", "over the past year",
    ...sinceYears((y) => [`since ${y}`]),
    "over the past day", "in the past day", "over the past 24 hours", "in the past 24 hours", "in the last 24 hours", "over the last 24 hours",
    "over the previous day", "during the past day", "throughout the day", "since the start of the war", "since the beginning of the war",
    "since the full-scale invasion", "since the start of the full-scale invasion", "since the invasion began", "since the war began",
    "since February 2022", "so far this year", "Russian aggression", "in the war", "during the war", "since the war started", "since the invasion",
    // Since the start of a month, a week, a year: a tally over many attacks.
    "since the start of January", "since the beginning of January", "since the start of February", "since the beginning of February", "since the start of March", "since the beginning of March", "since the start of April", "since the beginning of April", "since the start of May", "since the beginning of May", "since the start of June", "since the beginning of June", "since the start of July", "since the beginning of July", "since the start of August", "since the beginning of August", "since the start of September", "since the beginning of September", "since the start of October", "since the beginning of October", "since the start of November", "since the beginning of November", "since the start of December", "since the beginning of December", "since the start of the month", "since the beginning of the month", "since the start of this month", "since the beginning of this month", "since the start of the week", "since the beginning of the week", "since the start of this week", "since the beginning of this week", "since the start of the year", "since the beginning of the year", "since the start of this year", "since the beginning of this year", "so far this month", "so far this week", "in the past week", "over the past week", "in the past month", "over the past month",
  ],
  retracted: [
    "corrected initial reports that", "corrected earlier reports that", "corrected reports that", "denied reports that", "denied earlier reports that",
    "refuted reports that", "contrary to initial reports", "contrary to earlier reports", "retracted reports that",
  ],
  background: [
    "in recent months", "in recent weeks", "almost every night", "nearly every night", "almost daily", "nearly daily", "regularly", "frequently",
    "routinely", "repeatedly", "throughout the war", "over the course of the war",
  ],
  shelling: [
    "shelling", "shelled", "artillery", "mortar", "mortars", "tank fire", "sniper fire", "MLRS", "multiple rocket launcher", "multiple rocket launchers",
    "Grad", "landmine", "landmines",
    "fighting", "clashes", "ground assault",
  ],
  notInjured: [
    "sought medical help", "sought medical attention", "sought medical assistance", "sought help", "asked for medical help", "asked for medical assistance",
    "acute stress reaction", "acute stress", "stress reaction", "treated for shock", "suffering from shock", "suffered shock", "in a state of shock",
    "in shock", "psychological assistance", "psychological help", "psychological support",
  ],
  among: ["among"],
  more: ["another", "other", "others", "more", "also", "further", "additional"],
  // ("59-year-old man was injured": a headline's person with an age and no article is one person too.)
  onePerson: ["the driver", "its driver", "the car's driver", "the truck driver", "year-old man", "year-old woman", "year-old boy", "year-old girl", "year-old child", "year-old teenager", "year-old resident", "year-old driver", "year-old pensioner"],
  pronounOne: ["he", "she", "him", "her"],
  age: ["year-old", "years-old", "years old", "years of age", "aged", "age of", "born in"],
  broadArea: [
    "southern Ukraine", "eastern Ukraine", "northern Ukraine", "western Ukraine", "central Ukraine", "the south of Ukraine", "the east of Ukraine",
    "the north of Ukraine", "the west of Ukraine", "the south", "the east", "the north", "the west", "southern Russia", "western Russia",
    "across Ukraine", "several regions", "various regions", "the front line", "the frontline", "frontline regions", "border regions",
    "across the country", "throughout the country", "nationwide",
    "the rest of the country", "other regions",
  ],
  river: ["river", "riverbank", "bank of the", "banks of the", "left bank", "right bank", "reservoir", "estuary"],
  polity: {
    after: [
      "regime", "pushes", "pushed", "is pushing", "urges", "urged", "wants", "wanted", "has asked", "asked", "has called", "called for", "calls for", "blames",
      "blamed", "accuses", "accused", "denies", "denied", "has not commented", "did not comment", "declined to comment", "insists", "refuses",
      "refused", "rejects", "rejected", "demands", "demanded", "shunned", "hopes", "fears", "seeks", "sought", "is seeking", "needs",
      "and its allies", "and its Western allies", "and its partners", "'s allies", "'s partners", "'s government", "'s request", "'s envoy",
    ],
    before: [
      "allies of", "partners of", "backed by", "supported by", "talks with", "pressure on", "relations with", "negotiations with", "deal with",
      "sanctions on", "ties with", "support for", "aid to", "message to", "government in", "officials in", "authorities in", "regime in",
      "envoy to", "ambassador to", "between",
    ],
  },
  venue: [
    "arrived in", "visit to", "visited", "visiting", "a visit to", "talks in", "meeting in", "summit in", "conference in", "trip to", "travelled to",
    "traveled to", "press conference in", "embassy in", "flying from", "flight from", "flights from", "bound for",
  ],
  alert: ["air raid alert", "air raid alerts", "air raid alarm", "air raid sirens", "air raid warning", "air-raid alert", "air alert", "air alerts"],
  receive: ["sustained by", "suffered by", "were sustained by"],
  distributive: ["one", "the other", "another", "one of them"],
  clauseBreak: ["while", "whereas", "meanwhile", "separately"],
};

export default belonging;
