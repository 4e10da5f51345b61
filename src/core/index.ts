/**
 * The pure core: answers -> plan (files + text). No file system, no prompts;
 * the Yeoman generator and the CLI are front ends over this.
 */
export type { Answers, ProjectFacts, ResolvedAnswers } from './answers.js';
export { generate, InputError, type FileKind, type GenerateInput, type Plan, type PlannedFile } from './plan.js';
export { validateAnswers, formatErrors, normaliseName, validators, type FieldError, type ValidationResult } from './validate.js';
export { fields, type Field, type Choice, type PromptContext } from './fields.js';
export { answersSchema, SCHEMA_ID } from './schema.js';
export { detectFacts, snapshotOf, type ProjectSnapshot } from './project.js';
export { resolveAnswers } from './resolve.js';
export { cryptoRandom, seededRandom, type RandomSource } from './secrets.js';
export { hasApp, promptContext } from './starter.js';
export { classify, type Change, type ChangeStatus } from './changes.js';
export type { TemplateStore } from './render.js';
export { allImages } from './images.js';
