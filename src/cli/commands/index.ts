import type { Command } from 'commander';
import { registerParamsCommand } from './params.ts';

/** Every sub-command registers itself here. */
export function registerCommands(program: Command): void {
  registerParamsCommand(program);
}
