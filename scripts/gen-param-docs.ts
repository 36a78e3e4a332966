import { writeFileSync } from 'node:fs';
import { parametersMarkdown } from '../src/params/docs.ts';

writeFileSync(new URL('../docs/parameters.md', import.meta.url), parametersMarkdown());
console.log('wrote docs/parameters.md');
