import type { Command } from 'commander';

/** `isacnet optimize`: not implemented yet. */
export function registerOptimizeCommand(program: Command): void {
  void program;
}
