/**
 * The `isacnet` command-line program. A thin shell: it parses, calls the library and prints.
 * Each sub-command lives in its own module under src/cli/commands/.
 */
import { packageInfo } from '../params/packageInfo.ts';
import { Command, CommanderError } from 'commander';
import { reportError } from './options.ts';
import { registerCommands } from './commands/index.ts';
import { startParentWatchdog } from './watchdog.ts';

/** Commands that do no long work (no parent watchdog thread for them). */
const QUICK_COMMANDS = new Set(['params', 'web']);

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
  // A killed parent must not leave a run spinning (src/cli/watchdog.ts).
  program.hook('preAction', (_program, action) => {
    if (!QUICK_COMMANDS.has(action.name())) startParentWatchdog();
  });
  return program;
}

/** A reader that closed the pipe (`isacnet sensing … | head -1`) ends the run quietly, no EPIPE trace. */
function quietOnClosedPipe(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      // Exit at once (status 0: the reader has what it wanted), before any further write fails.
      if (e.code === 'EPIPE') process.exit(0);
      throw e;
    });
  }
}

export async function main(argv: string[]): Promise<number> {
  quietOnClosedPipe();
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
