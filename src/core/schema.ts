/**
 * The JSON Schema of the answers file, built from the catalogue, the field
 * table and the same patterns the validators use. schema/answers.schema.json
 * is this object, written by `npm run schema:update`; a unit test fails when
 * the committed file and this builder disagree, and a property test checks
 * that the schema and validateAnswers accept exactly the same documents.
 */
import { DEPLOY_TARGETS, FRAMEWORKS, LANGUAGES, PACKAGE_MANAGERS, SERVICES, frameworks, frameworksOf } from '../catalogue/index.js';
import type { EntrypointKind } from '../catalogue/types.js';
import type { Answers } from './answers.js';
import { fields } from './fields.js';
import {
  COMMAND_MAX_ITEMS,
  COMMAND_MAX_LENGTH,
  ENTRYPOINT_PATTERNS,
  ENV_KEY_PATTERN,
  ENV_MAX_KEYS,
  HEALTH_PATH_PATTERN,
  IMAGE_PATTERN,
  NAME_MAX,
  NAME_PATTERN,
  NEST_ENTRYPOINT_PATTERN,
  REQUIRED_KEYS,
  RESERVED_ENV_KEYS,
  runtimeVersionsOf,
} from './validate.js';

export const SCHEMA_ID = 'https://unpkg.com/generator-dockerize/schema/answers.schema.json';

type Json = Record<string, unknown>;

/** A value .env can hold portably (see dotenv.ts): no NUL or backslash, and either no `'` and line break, or no `"`, `$`, backtick and line break. */
const ENV_VALUE_PATTERN = '^(?:[^\'\\\\\\r\\n\\u0000]*|[^"\\\\$`\\r\\n\\u0000]*)$';

function when(condition: Json, then: Json): Json {
  return { if: condition, then };
}

const is = (key: string, value: string | readonly string[]): Json => ({
  properties: { [key]: typeof value === 'string' ? { const: value } : { enum: [...value] } },
  required: [key],
});

function kindFrameworks(kind: EntrypointKind): string[] {
  return Object.values(frameworks)
    .filter((f) => f.entrypoint.kind === kind)
    .map((f) => f.id);
}

export function answersSchema(): Json {
  const describe = (key: keyof Answers) => fields.find((f) => f.key === key)?.description;
  const allRuntimes = [...new Set(LANGUAGES.flatMap(runtimeVersionsOf))];
  const properties: Record<keyof Answers, Json> = {
    $schema: { type: 'string' },
    name: { type: 'string', pattern: NAME_PATTERN, maxLength: NAME_MAX, examples: ['shop-api'] },
    language: { enum: [...LANGUAGES] },
    framework: { enum: [...FRAMEWORKS] },
    services: { type: 'array', items: { enum: [...SERVICES] }, uniqueItems: true, default: [] },
    port: { type: 'integer', minimum: 1, maximum: 65535 },
    runtimeVersion: { type: 'string', enum: allRuntimes },
    packageManager: { enum: [...PACKAGE_MANAGERS] },
    entrypoint: { type: 'string' },
    command: {
      type: 'array',
      minItems: 1,
      maxItems: COMMAND_MAX_ITEMS,
      items: { type: 'string', minLength: 1, maxLength: COMMAND_MAX_LENGTH, pattern: '^[^\\u0000]*$' },
    },
    healthPath: { type: 'string', pattern: HEALTH_PATH_PATTERN, maxLength: 200, default: '/health' },
    starter: { type: 'boolean', default: true },
    env: {
      type: 'object',
      maxProperties: ENV_MAX_KEYS,
      propertyNames: { pattern: ENV_KEY_PATTERN, not: { enum: [...RESERVED_ENV_KEYS] } },
      additionalProperties: { type: 'string', maxLength: 4096, pattern: ENV_VALUE_PATTERN },
      default: {},
    },
    exposeServices: { type: 'boolean', default: false },
    deploy: { type: 'array', minItems: 1, uniqueItems: true, items: { enum: [...DEPLOY_TARGETS] }, default: ['compose'] },
    replicas: { type: 'integer', minimum: 1, maximum: 100, default: 2 },
    image: { type: 'string', pattern: IMAGE_PATTERN, maxLength: 255 },
  };
  for (const [key, prop] of Object.entries(properties)) {
    const d = describe(key as keyof Answers);
    if (d) prop.description = d;
  }

  const rules: Json[] = [
    ...LANGUAGES.map((l) => when(is('language', l), { properties: { framework: { enum: frameworksOf(l) }, runtimeVersion: { enum: [...runtimeVersionsOf(l)] } } })),
    when(is('language', 'python'), { properties: { packageManager: false } }),
    ...(['python-app', 'python-package', 'node-file'] as const).map((kind) =>
      when(is('framework', kindFrameworks(kind)), { properties: { entrypoint: { type: 'string', pattern: ENTRYPOINT_PATTERNS[kind] } } }),
    ),
    when(is('framework', 'nestjs'), { properties: { entrypoint: { type: 'string', pattern: NEST_ENTRYPOINT_PATTERN } } }),
    ...kindFrameworks('fixed').map((id) => when(is('framework', id), { properties: { entrypoint: { const: frameworks[id as keyof typeof frameworks].entrypoint.default } } })),
  ];

  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: SCHEMA_ID,
    title: 'generator-dockerize answers',
    description: 'Answers for `dockerize --answers FILE` and `yo dockerize --answers FILE`.',
    type: 'object',
    required: [...REQUIRED_KEYS],
    additionalProperties: false,
    properties,
    allOf: rules,
  };
}
