import type { Command } from 'commander';

/** `isacnet reproduce`: regenerate every figure (filled in by the reproduction work). */
export function registerReproduceCommand(program: Command): void {
  void program;
}
