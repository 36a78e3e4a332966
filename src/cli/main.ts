/**
 * The `isacnet` command-line program. A thin shell: it parses, calls the library and prints.
 * Each sub-command lives in its own module under src/cli/commands/.
 */
import { packageInfo } from '../params/packageInfo.ts';
import { Command, CommanderError } from 'commander';
import { reportError } from './options.ts';
import { registerCommands } from './commands/index.ts';

export function buildProgram(): Command {
  const program = new Command();
  program
    .name('isacnet')
    .description('Cooperative ISAC networks (arXiv:2403.20228): closed forms, Monte Carlo, figures and optimization')
    .version(packageInfo().version)
    .exitOverride()
    .showHelpAfterError(false);
  registerCommands(program);
  for (const c of program.commands) c.exitOverride();
  return program;
}

export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
    return 0;
  } catch (e) {
    if (e instanceof CommanderError && (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help')) {
      return 0;
    }
    return reportError(e);
  }
}
