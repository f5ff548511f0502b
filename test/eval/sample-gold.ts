/** A small gold file in the style of the corpus; the sentence is our own. */
export function sampleGold(id = "sample-2025-03-02") {
  return {
    id,
    lang: "en",
    kind: "news",
    source: { publisher: "Example Wire", url: null, published: "2025-03-02", channel: null },
    text: "Ukraine's air force said Russia launched 120 drones overnight, of which 80 were shot down over the Kharkiv region.",
    gold: {
      published: null,
      reports: [
        {
          claimant: "UA",
          claimant_orgs: ["UA.air_force"],
          attacker: "RU",
          target: "UA",
          date: "2025-03-02",
          night: true,
          counts: [
            { weapon: "drone", model: null, outcome: "launched", n: 120, qualifier: "exact", region: null },
            { weapon: "drone", model: null, outcome: "intercepted", n: 80, qualifier: "exact", region: "UA-63" },
          ],
          targets: ["UA-63"],
          casualties: [],
          launch_areas: [],
          record_claims: [],
          places: [],
        },
      ],
    },
  };
}
