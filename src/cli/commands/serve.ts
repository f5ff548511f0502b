import type { Command } from "commander";
import { SalvoError } from "../../errors.js";
import { embedAncestors } from "../../server/security-headers.js";
import { action, usage } from "../run-action.js";
import { addOutboundOptions, applyOutboundOptions, type OutboundCliOptions } from "../outbound-options.js";

/** Largest request body by default: server/app.ts DEFAULT_BODY_LIMIT (not imported: it loads the whole server). */
const DEFAULT_BODY_LIMIT = 1024 * 1024;

interface ServeOptions {
  port: string;
  host: string;
  db?: string;
  allowPrivateUrls?: boolean;
  bodyLimit: string;
  cacheTtl: string;
  log?: boolean;
  embedOrigins: string;
}

function integer(value: string, flag: string, min: number, max: number): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < min || n > max) usage(`${flag} must be an integer from ${min} to ${max} (got "${value}")`);
  return n;
}

export function register(program: Command): void {
  addOutboundOptions(program
    .command("serve")
    .description("Serve the HTTP API (and the dashboard when built) over the store; writes need SALVO_TOKEN")
    .option("--port <port>", "TCP port", "7040")
    .option("--host <host>", "address to listen on", "127.0.0.1")
    .option("--db <url>", "SQLite file or postgres:// URL (default SALVO_DB or ./salvo.db)")
    .option("--allow-private-urls", "the same as --allow-private (kept for existing scripts)")
    .option("--body-limit <bytes>", "largest request body", String(DEFAULT_BODY_LIMIT))
    .option("--cache-ttl <ms>", "serve repeated reads from memory for this long (0: off); writes through the API clear it", "0")
    .option("--log", "log every request as JSON lines on stderr (errors are always logged)")
    .option("--embed-origins <list>", "comma-separated origins whose pages may show the /embed/ pages in an iframe (* for any)", "*"))
    .action(
      action(async (opts: ServeOptions & OutboundCliOptions) => {
        const outbound = applyOutboundOptions(opts);
        const port = integer(opts.port, "--port", 0, 65535);
        const bodyLimit = integer(opts.bodyLimit, "--body-limit", 1024, 100 * 1024 * 1024);
        const cacheTtlMs = integer(opts.cacheTtl, "--cache-ttl", 0, 3_600_000);
        const token = process.env.SALVO_TOKEN || undefined;
        const embedOrigins = embedAncestors(opts.embedOrigins.split(","));
        // The server and the store load here, in the action, so that the CLI starts at once for other commands.
        const [{ buildApp }, { openStore }] = await Promise.all([import("../../server/app.js"), import("../../store/index.js")]);
        const store = await openStore(opts.db);
        const app = await buildApp({
          store,
          token,
          allowPrivateUrls: outbound.allowPrivate,
          allowUrlHosts: outbound.allowHosts,
          bodyLimit,
          cacheTtlMs,
          embedOrigins,
          // Without --log only failures are logged, so a 500's cause is never lost.
          logger: { level: opts.log ? "info" : "error", stream: process.stderr },
        });
        try {
          await app.listen({ port, host: opts.host });
        } catch (e) {
          await store.close().catch(() => undefined);
          const code = (e as NodeJS.ErrnoException).code;
          if (code === "EADDRINUSE") throw new SalvoError("SALVO_USAGE", `port ${port} on ${opts.host} is in use: choose another with --port`);
          if (code === "EADDRNOTAVAIL" || code === "ENOTFOUND") throw new SalvoError("SALVO_USAGE", `cannot listen on ${opts.host}: give a local address with --host`);
          throw e;
        }
        const address = app.server.address();
        const actualPort = typeof address === "object" && address ? address.port : port;
        const shown = opts.host.includes(":") ? `[${opts.host}]` : opts.host;
        process.stdout.write(
          `salvo: serving http://${shown}:${actualPort}/ (API docs at /api/docs; store ${store.dialect}; writes ${token ? "enabled" : "disabled, set SALVO_TOKEN to enable"})\n`,
        );
        await new Promise<void>((resolve) => {
          const stop = (signal: NodeJS.Signals) => {
            process.stdout.write(`salvo: ${signal}, shutting down\n`);
            process.off("SIGINT", stop);
            process.off("SIGTERM", stop);
            app
              .close()
              .then(() => store.close())
              .catch((e: unknown) => process.stderr.write(`salvo: error while shutting down: ${(e as Error).message}\n`))
              .finally(resolve);
          };
          process.on("SIGINT", stop);
          process.on("SIGTERM", stop);
        });
        return 0;
      }),
    );
}
