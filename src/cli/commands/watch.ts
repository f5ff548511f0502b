import type { Command } from "commander";
import { addDbOption, parseDuration, withStore } from "../../store/cli-support.js";
import { action } from "../run-action.js";
import { addOutboundOptions, applyOutboundOptions, type OutboundCliOptions } from "../outbound-options.js";

export function register(program: Command): void {
  addDbOption(
    addOutboundOptions(program
      .command("watch")
      .description("Poll RSS/Atom feeds and Telegram channel previews (https://t.me/s/<channel>) and ingest what is new")
      .argument("<sources...>", "feed or page URLs")
      .option("--every <duration>", "interval between polls of one source (e.g. 15m, 1h)", "15m")
      .option("--once", "poll each source once and exit")
      .option("--delay <duration>", "pause between two requests to the same host", "1s")
      .option("--timeout <duration>", "time limit of each HTTP request", "20s")
      .option("--json", "print the final summary as JSON")),
  ).action(
    action(async (sources: string[], opts: OutboundCliOptions & { db?: string; every: string; once?: boolean; delay: string; timeout: string; json?: boolean }) => {
      applyOutboundOptions(opts);
      // Heavy modules load here, in the action, so that the CLI starts at once for every other command.
      const [{ formatIngestSummary }, { checkHttpUrl }, { watch }] = await Promise.all([
        import("../../ingest/summary.js"),
        import("../../ingest/fetch.js"),
        import("../../ingest/watch.js"),
      ]);
      for (const s of sources) checkHttpUrl(s);
      const everyMs = parseDuration(opts.every, "--every");
      const delayMs = parseDuration(opts.delay, "--delay");
      const timeoutMs = parseDuration(opts.timeout, "--timeout");
      const stop = new AbortController();
      const onSignal = () => stop.abort();
      process.once("SIGINT", onSignal);
      process.once("SIGTERM", onSignal);
      try {
        return await withStore(opts, async (store) => {
          const total = await watch(store, sources, {
            everyMs,
            delayMs,
            timeoutMs,
            once: opts.once ?? false,
            signal: stop.signal,
            onPoll: (src, s, note) => {
              if (opts.json) return;
              process.stderr.write(
                `${new Date().toISOString()} ${src}: ${note}; ${s.new} new, ${s.revised} revised, ${s.unchanged} unchanged, ${s.failed.length} failed\n`,
              );
            },
          });
          process.stdout.write(opts.json ? JSON.stringify(total, null, 2) + "\n" : formatIngestSummary(total));
          return total.failed.length ? 1 : 0;
        });
      } finally {
        process.off("SIGINT", onSignal);
        process.off("SIGTERM", onSignal);
      }
    }),
  );
}
