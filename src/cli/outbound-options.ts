import type { Command } from "commander";
import { setOutboundPolicy, type OutboundPolicy } from "../net/policy.js";

/** `--allow-private` and `--allow-host`, on every command that fetches URLs (ingest, watch, serve). */
export interface OutboundCliOptions {
  allowPrivate?: boolean;
  allowPrivateUrls?: boolean;
  allowHost?: string[];
}

const collect = (value: string, previous: string[] = []): string[] => [...previous, ...value.split(",").map((v) => v.trim()).filter(Boolean)];

export function addOutboundOptions(cmd: Command): Command {
  return cmd
    .option("--allow-private", "let fetches reach private, loopback and link-local addresses (refused by default: a feed's links and redirects could point into your network)")
    .option("--allow-host <host[:port]>", "exempt this host from the private-address check (repeatable, or comma-separated)", collect);
}

/** Sets the process's outbound policy from the options and returns it. */
export function applyOutboundOptions(opts: OutboundCliOptions): OutboundPolicy {
  const policy = { allowPrivate: Boolean(opts.allowPrivate || opts.allowPrivateUrls), allowHosts: opts.allowHost ?? [] };
  setOutboundPolicy(policy);
  return policy;
}
