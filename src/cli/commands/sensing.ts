import type { Command } from 'commander';

/** `isacnet sensing`: not implemented yet. */
export function registerSensingCommand(program: Command): void {
  void program;
}
