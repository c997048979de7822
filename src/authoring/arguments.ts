/**
 * The command line of `npm run new-report` and `npm run import`: positional arguments and
 * `--option value` / `--option=value` pairs, each option once. Never throws: a mistake is a
 * message in Chinese for the editor.
 */
export type ReadArguments<Option extends string> =
  | { kind: 'read'; positional: string[]; options: Partial<Record<Option, string>> }
  | { kind: 'help' }
  | { kind: 'error'; message: string };

export function readArguments<Option extends string>(
  argv: readonly string[],
  known: readonly Option[],
  messages: { missingValue: (option: Option) => string; unknownOption: (arg: string) => string },
): ReadArguments<Option> {
  const positional: string[] = [];
  const options: Partial<Record<Option, string>> = {};
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!.trim();
    if (arg === '--help' || arg === '-h') return { kind: 'help' };
    const option = known.find((o) => arg === o || arg.startsWith(`${o}=`));
    if (option) {
      if (options[option] !== undefined) return { kind: 'error', message: `${option} 只能写一次。` };
      const value = arg === option ? argv[++i]?.trim() : arg.slice(option.length + 1).trim();
      if (value === undefined || value === '' || value.startsWith('--')) return { kind: 'error', message: messages.missingValue(option) };
      options[option] = value;
    } else if (arg.startsWith('-') && !/^-\d/.test(arg)) {
      // -5 is a (wrong) year for the checks that follow, not an option.
      return { kind: 'error', message: messages.unknownOption(arg) };
    } else if (arg !== '') {
      positional.push(arg);
    }
  }
  return { kind: 'read', positional, options };
}
