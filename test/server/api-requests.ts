// The read requests whose answers must not change when the way they are computed does: every list filter and
// sort, paging, details, timeline buckets and ranges, records, health, and the 4xx answers to bad parameters,
// plain, compressed, as HEAD. Used by the test comparing the read models with a recompute from the claims
// (test/store/read-models.test.ts) and by scripts/api-snapshot.ts (two servers, before and after a change).
// No test runner imports here: the script loads this module too.

export interface ApiRequest {
  method: "GET" | "HEAD";
  url: string;
  headers?: Record<string, string>;
}

/** Lists whose next pages (their `Link: rel="next"` URL) are requested too, two pages deep. */
export const FOLLOWED_LISTS = [
  "/api/attacks?limit=50",
  "/api/attacks?sort=launched&limit=100",
  "/api/attacks?sort=-size&limit=300&weapon=drone",
  "/api/attacks?sort=date&limit=20&attacker=UA",
  "/api/attacks?sort=-launched&limit=7&region=UA-30",
];

const SORTS = ["date", "-date", "launched", "-launched", "size", "-size"];

function lists(): string[] {
  const out: string[] = [];
  for (const sort of SORTS) {
    out.push(`/api/attacks?sort=${sort}`, `/api/attacks?sort=${sort}&limit=1000`, `/api/attacks?sort=${sort}&limit=1000&offset=1000`);
  }
  out.push(
    "/api/attacks",
    "/api/attacks?limit=50",
    "/api/attacks?limit=1",
    "/api/attacks?offset=1140",
    "/api/attacks?offset=5000",
    "/api/attacks?weapon=missile",
    "/api/attacks?weapon=missile&limit=50",
    "/api/attacks?weapon=missile.cruise&sort=-size",
    "/api/attacks?weapon=drone&limit=200&sort=-size",
    "/api/attacks?weapon=drone.strike&limit=10&offset=5",
    "/api/attacks?weapon=bomb",
    "/api/attacks?weapon=rocket&sort=launched",
    "/api/attacks?weapon=any&limit=30",
    "/api/attacks?region=UA-30&limit=100",
    "/api/attacks?region=RU-BEL&sort=-launched",
    "/api/attacks?region=UA-30&weapon=missile",
    "/api/attacks?from=2024-01-01&to=2024-12-31&limit=500",
    "/api/attacks?from=2025-07-04&to=2025-07-04",
    "/api/attacks?from=2025-01-01&weapon=missile.ballistic&sort=size",
    "/api/attacks?to=2022-12-31&sort=date",
    "/api/attacks?attacker=UA",
    "/api/attacks?attacker=UA&target=RU&sort=-launched",
    "/api/attacks?target=UA&offset=37&limit=13",
    "/api/attacks?from=&weapon=drone&limit=5",
  );
  return out;
}

/** Query parameters the list refuses (400 in the error envelope). */
const BAD_LISTS = [
  "/api/attacks?limit=0",
  "/api/attacks?limit=1001",
  "/api/attacks?limit=abc",
  "/api/attacks?limit=0x10",
  "/api/attacks?limit=1&limit=2",
  "/api/attacks?offset=-1",
  "/api/attacks?sort=bogus",
  "/api/attacks?weapon=laser",
  "/api/attacks?region=nowhere",
  "/api/attacks?from=2025-02-30",
  "/api/attacks?from=2025-13-01",
  "/api/attacks?from=2025-07-05&to=2025-07-04",
  "/api/attacks?attacker=XX",
  "/api/attacks?unknown=1",
  "/api/attacks?cursor=bm90IGEgY3Vyc29y",
  "/api/attacks?sort=date&cursor=WyItZGF0ZSIsIjIwMjYtMDMtMDUiLCIyMDI2LTAzLTA1LlJVLVVBIl0",
  "/api/attacks?cursor=" + "x".repeat(201),
];

function timelines(): string[] {
  const out: string[] = ["/api/timeline"];
  for (const bucket of ["day", "week"]) {
    out.push(
      `/api/timeline?bucket=${bucket}`,
      `/api/timeline?bucket=${bucket}&from=2025-01-01`,
      `/api/timeline?bucket=${bucket}&to=2023-01-01`,
      `/api/timeline?bucket=${bucket}&from=2023-03-15&to=2024-02-07`,
      `/api/timeline?bucket=${bucket}&from=2025-07-04&to=2025-07-04`,
      `/api/timeline?bucket=${bucket}&attacker=UA`,
      `/api/timeline?bucket=${bucket}&attacker=RU&target=UA&from=2024-06-01`,
      `/api/timeline?bucket=${bucket}&target=UA&to=2023-06-30`,
      `/api/timeline?bucket=${bucket}&weapon=drone`,
      `/api/timeline?bucket=${bucket}&weapon=missile.cruise&from=2024-01-01`,
      `/api/timeline?bucket=${bucket}&region=UA-30`,
      `/api/timeline?bucket=${bucket}&from=2031-01-01`,
    );
  }
  out.push("/api/timeline?from=2025-01-01", "/api/timeline?from=&to=2022-10-31");
  return out;
}

const BAD_TIMELINES = [
  "/api/timeline?bucket=month",
  "/api/timeline?bucket=week&from=2025-02-29",
  "/api/timeline?from=2025-07-05&to=2025-07-04",
  "/api/timeline?bucket=week&limit=5",
  "/api/timeline?bucket=day&bucket=week",
];

function records(): string[] {
  const out: string[] = [];
  for (const q of ["", "?as_of=2025-07-04", "?as_of=2024-01-01", "?as_of=2022-12-31", "?as_of=2021-01-01", "?attacker=UA&target=RU", "?attacker=UA", "?target=RU", "?all_claimants=true", "?as_of=2025-07-03&all_claimants=true", "?all_claimants=false"]) {
    out.push(`/api/records${q}`);
  }
  for (const metric of ["any", "drone", "missile"]) {
    out.push(`/api/records/marks?metric=${metric}`, `/api/records/marks?metric=${metric}&all_claimants=true`, `/api/records/marks?metric=${metric}&attacker=UA`);
  }
  out.push("/api/records?as_of=2025-02-30", "/api/records?as_of=yesterday", "/api/records?all_claimants=maybe", "/api/records?attacker=XX", "/api/records/marks?attacker=RU&target=RU", "/api/records/marks?metric=bomb");
  return out;
}

function details(ids: readonly string[]): string[] {
  const out = ids.map((id) => `/api/attacks/${id}`);
  out.push(
    "/api/attacks/2025-07-04",
    "/api/attacks/2025-07-04?attacker=UA",
    "/api/attacks/2025-07-04?target=RU",
    "/api/attacks/2025-07-04?attacker=RU&target=UA",
    "/api/attacks/2031-01-01.RU-UA",
    "/api/attacks/2031-01-01",
    "/api/attacks/2025-07-04.XX-UA",
    "/api/attacks/not-an-id",
    "/api/attacks/2025-07-04?attacker=XX",
    "/api/attacks/2025-07-04.RU-UA?extra=1",
  );
  return out;
}

/** Every request, for the attacks with these ids (details of each). */
export function apiRequests(ids: readonly string[]): ApiRequest[] {
  const gets = [
    "/api/health",
    "/api/health?verbose=1",
    // The OpenAPI document, generated from the route schemas: the response schemas stay declared.
    "/api/openapi.json",
    "/api/nothing-here",
    ...lists(),
    ...BAD_LISTS,
    ...timelines(),
    ...BAD_TIMELINES,
    ...records(),
    "/api/regions-aggregate",
    "/api/regions-aggregate?from=2025-01-01&weapon=drone",
    ...details(ids),
  ];
  const out: ApiRequest[] = gets.map((url) => ({ method: "GET", url }));
  // Compressed answers (the bodies of 1 KB and more) and HEAD answers of the read-model routes.
  const sample = ["/api/health", "/api/attacks?limit=50", "/api/attacks?weapon=missile&limit=50", "/api/attacks/2025-07-04.RU-UA", "/api/timeline?bucket=week", "/api/timeline?from=2025-01-01", "/api/records", "/api/attacks?limit=abc"];
  for (const url of sample) {
    for (const encoding of ["gzip", "br", "deflate", "gzip;q=0, identity"]) out.push({ method: "GET", url, headers: { "accept-encoding": encoding } });
    out.push({ method: "HEAD", url });
    out.push({ method: "GET", url, headers: { origin: "https://news.example" } });
  }
  return out;
}

/** Response headers that differ between two identical answers (the clock, the connection). */
export const VOLATILE_HEADERS = new Set(["date", "connection", "keep-alive", "transfer-encoding"]);
