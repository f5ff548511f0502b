/**
 * Options that several commands share (`--db`, `--allow-private`, `--allow-host`) may come before the command as
 * well as after it: `salvo --db x.db import data.csv` is `salvo import data.csv --db x.db`. Commander only knows
 * them per command, so the arguments are reordered before it parses them.
 */
const WITH_VALUE = new Set(["--db", "--allow-host"]);
const FLAGS = new Set(["--allow-private"]);

export function moveGlobalOptions(args: readonly string[], commands: ReadonlySet<string>): string[] {
  const moved: string[] = [];
  const rest: string[] = [];
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i]!;
    if (commands.has(a)) break;
    const name = a.split("=")[0]!;
    if (WITH_VALUE.has(name)) {
      if (a.includes("=")) moved.push(a);
      else {
        moved.push(a);
        if (i + 1 < args.length) moved.push(args[++i]!);
      }
    } else if (FLAGS.has(a)) moved.push(a);
    else rest.push(a);
  }
  // No command found (only --help, or a typo): leave the arguments as given so commander's message is about them.
  if (i >= args.length) return [...args];
  return [...rest, args[i]!, ...args.slice(i + 1), ...moved];
}
