/**
 * Which addresses outbound fetches may reach, for the whole process. The CLI sets it once from `--allow-private`
 * and `--allow-host` before any fetch; library callers may set it too. By default only public addresses are
 * fetched: a feed item, a redirect or a watched URL pointing at 127.0.0.1, [::1], 10.x or 169.254.x is refused.
 */
export interface OutboundPolicy {
  /** Reach private, loopback and link-local addresses as well (a user who means it: an intranet, a local mirror). */
  allowPrivate: boolean;
  /** `host` or `host:port` entries exempt from the address check. */
  allowHosts: readonly string[];
}

let current: OutboundPolicy = { allowPrivate: false, allowHosts: [] };

export function setOutboundPolicy(policy: Partial<OutboundPolicy>): void {
  current = { allowPrivate: policy.allowPrivate ?? false, allowHosts: [...(policy.allowHosts ?? [])] };
}

export function outboundPolicy(): OutboundPolicy {
  return current;
}
