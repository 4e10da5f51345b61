/** Writes schema/answers.schema.json from the core (npm run schema:update). A unit test fails when it is stale. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { answersSchema } from '../src/core/schema.js';

mkdirSync('schema', { recursive: true });
writeFileSync('schema/answers.schema.json', `${JSON.stringify(answersSchema(), null, 2)}\n`);
console.log('wrote schema/answers.schema.json');
