import type { Command } from 'commander';
import { registerParamsCommand } from './params.ts';
import { registerSensingCommand } from './sensing.ts';
import { registerCommCommand } from './comm.ts';
import { registerOptimizeCommand } from './optimize.ts';
import { registerReproduceCommand } from './reproduce.ts';
import { registerWebCommand } from './web.ts';
import { registerWorkerCommand } from './worker.ts';
import { registerSweepCommand } from './sweep.ts';
import { registerPlotCommand } from './plot.ts';
import { registerLocalizeCommand } from './localize.ts';

/** Every sub-command registers itself here. */
export function registerCommands(program: Command): void {
  registerParamsCommand(program);
  registerSensingCommand(program);
  registerCommCommand(program);
  registerOptimizeCommand(program);
  registerLocalizeCommand(program);
  registerReproduceCommand(program);
  registerWebCommand(program);
  registerWorkerCommand(program);
  registerSweepCommand(program);
  registerPlotCommand(program);
}
