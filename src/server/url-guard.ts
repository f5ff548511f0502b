// Moved to src/net/ (one guard for every outbound fetch, not only the API's); kept so that existing imports still work.
export * from "../net/url-guard.js";
