/**
 * The JSON Schema of the answers file, built from the catalogue, the field
 * table and the same patterns the validators use. schema/answers.schema.json
 * is this object, written by `npm run schema:update`; a unit test fails when
 * the committed file and this builder disagree, and a property test checks
 * that the schema and validateAnswers accept exactly the same documents.
 */
import { CI_TARGETS, DEPLOY_TARGETS, type Answers } from './answers.js';
import { fields } from './fields.js';
import { FRAMEWORK_IDS, LANGUAGE_IDS, SERVICE_IDS, providers, services } from './registry.js';
import {
  ALL_PACKAGE_MANAGERS,
  ALL_RUNTIME_VERSIONS,
  APP_PATTERN,
  COMMAND_MAX_ITEMS,
  COMMAND_MAX_LENGTH,
  ENV_KEY_PATTERN,
  ENV_MAX_KEYS,
  HEALTH_PATH_PATTERN,
  IMAGE_PATTERN,
  NAME_MAX,
  NAME_PATTERN,
  RESERVED_ENV_KEYS,
  SYSTEM_ENV_KEYS,
  COMPOSE_ENV_PATTERN,
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

/** Pairs of services that give the app the same variable. */
const alternatives = (): Array<[string, string]> =>
  services.flatMap((a, i) => services.slice(i + 1).filter((b) => b.urlVar === a.urlVar).map((b): [string, string] => [a.id, b.id]));

export function answersSchema(): Json {
  const describe = (key: keyof Answers) => fields.find((f) => f.key === key)?.description;
  const properties: Record<keyof Answers, Json> = {
    $schema: { type: 'string' },
    app: { type: 'string', pattern: APP_PATTERN, maxLength: 200, examples: ['backend', 'apps/api'] },
    name: { type: 'string', pattern: NAME_PATTERN, maxLength: NAME_MAX, examples: ['shop-api'] },
    language: { enum: [...LANGUAGE_IDS] },
    framework: { enum: [...FRAMEWORK_IDS] },
    services: {
      type: 'array',
      items: { enum: [...SERVICE_IDS] },
      uniqueItems: true,
      // Alternatives (the same URL variable for the app) never together.
      ...(alternatives().length ? { allOf: alternatives().map(([a, b]) => ({ not: { allOf: [{ contains: { const: a } }, { contains: { const: b } }] } })) } : {}),
    },
    port: { type: 'integer', minimum: 1, maximum: 65535 },
    runtimeVersion: { type: 'string', enum: [...ALL_RUNTIME_VERSIONS] },
    packageManager: { enum: [...ALL_PACKAGE_MANAGERS] },
    entrypoint: { type: 'string' },
    command: {
      type: 'array',
      minItems: 1,
      maxItems: COMMAND_MAX_ITEMS,
      items: { type: 'string', minLength: 1, maxLength: COMMAND_MAX_LENGTH, pattern: '^[^\\u0000]*$' },
    },
    healthPath: { type: 'string', pattern: HEALTH_PATH_PATTERN, maxLength: 200 },
    starter: { type: 'boolean', default: true },
    env: {
      type: 'object',
      maxProperties: ENV_MAX_KEYS,
      propertyNames: { pattern: ENV_KEY_PATTERN, not: { anyOf: [{ enum: [...RESERVED_ENV_KEYS, ...Object.keys(SYSTEM_ENV_KEYS)] }, { pattern: COMPOSE_ENV_PATTERN }] } },
      additionalProperties: { type: 'string', maxLength: 4096, pattern: ENV_VALUE_PATTERN },
      default: {},
    },
    exposeServices: { type: 'boolean', default: false },
    deploy: { type: 'array', minItems: 1, uniqueItems: true, items: { enum: [...DEPLOY_TARGETS] }, default: ['compose'] },
    replicas: { type: 'integer', minimum: 1, maximum: 100, default: 2 },
    image: { type: 'string', pattern: IMAGE_PATTERN, maxLength: 255 },
    dev: { type: 'boolean', default: false },
    ci: { type: 'array', uniqueItems: true, items: { enum: [...CI_TARGETS] }, default: [] },
  };
  for (const [key, prop] of Object.entries(properties)) {
    const d = describe(key as keyof Answers);
    if (d) prop.description = d;
  }

  const rules: Json[] = providers.flatMap((p) => [
    when(is('language', p.id), {
      properties: {
        framework: { enum: p.frameworks.map((f) => f.id) },
        runtimeVersion: { enum: [...p.runtime.supported] },
        packageManager: p.packageManagers.length ? { enum: [...p.packageManagers] } : false,
      },
    }),
    ...p.frameworks.map((f) =>
      when(is('framework', f.id), {
        properties: {
          runtimeVersion: { enum: [...p.runtime.supported] },
          packageManager: p.packageManagers.length ? { enum: [...p.packageManagers] } : false,
          entrypoint: f.entrypoint.rules.length ? { type: 'string', allOf: f.entrypoint.rules.map((rule) => ({ pattern: rule.pattern })) } : { const: f.entrypoint.default },
        },
      }),
    ),
  ]);

  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: SCHEMA_ID,
    title: 'generator-dockerize answers',
    description: 'Answers for `dockerize --answers FILE` and `yo dockerize --answers FILE`.',
    type: 'object',
    additionalProperties: false,
    properties,
    allOf: rules,
  };
}
