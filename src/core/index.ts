/**
 * The pure core: detect -> answers -> validate -> plan -> render (files + text).
 * No file system, no prompts; the Yeoman generator and the CLI are front ends over this.
 */
export type { Answers, ProjectFacts, ResolvedAnswers } from './answers.js';
export { generate, detectAnswers, InputError, type FileKind, type GenerateInput, type Plan, type PlannedFile, type Source } from './plan.js';
export { validateAnswers, formatErrors, normaliseName, validators, type FieldError, type ValidationResult } from './validate.js';
export { fields, evidenceFor, type Field, type Choice, type PromptContext } from './fields.js';
export { answersSchema, SCHEMA_ID } from './schema.js';
export { snapshotOf, within, type ProjectSnapshot } from './project.js';
export { detect, type Detection, type Candidate } from './detect.js';
export { resolveAnswers } from './resolve.js';
export { cryptoRandom, seededRandom, type RandomSource } from './secrets.js';
export { projectFacts, promptContext } from './starter.js';
export { classify, type Change, type ChangeStatus } from './changes.js';
export type { TemplateStore } from './render.js';
export { allImages } from './images.js';
