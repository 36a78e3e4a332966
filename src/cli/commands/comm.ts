import type { Command } from 'commander';

/** `isacnet comm`: not implemented yet. */
export function registerCommCommand(program: Command): void {
  void program;
}
