// Moved to src/net/ (one guard for every outbound fetch); kept so that existing imports still work.
export * from "../net/ip-ranges.js";
