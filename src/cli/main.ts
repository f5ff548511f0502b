import { Command, CommanderError } from "commander";
import { COMMANDS } from "./commands/index.js";
import { moveGlobalOptions } from "./global-options.js";
import { reportError } from "./run-action.js";

// `salvo export | head` closes the pipe early: that is the reader's choice, not an error worth a stack trace.
process.stdout.on("error", (e: NodeJS.ErrnoException) => {
  if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw e;
});

const program = new Command();
program
  .name("salvo")
  .description("Turns public reports of air strikes into a verified, traceable record of attacks.")
  .version("0.1.0")
  .showHelpAfterError("(run `salvo --help` for usage)")
  .exitOverride();

for (const load of COMMANDS) {
  const mod = await load();
  mod.register(program);
}

try {
  const names = new Set(program.commands.map((c) => c.name()));
  await program.parseAsync(moveGlobalOptions(process.argv.slice(2), names), { from: "user" });
} catch (e) {
  if (e instanceof CommanderError) {
    // commander already printed its message; keep its exit code (0 for --help/--version).
    process.exitCode = e.exitCode === 0 ? 0 : 2;
  } else {
    reportError(e);
  }
}
