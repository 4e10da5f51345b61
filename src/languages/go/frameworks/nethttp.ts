import { goFramework } from '../framework.js';

/** net/http: the standard library's HTTP server (the default when no framework is imported). */
export const nethttp = goFramework({ id: 'nethttp', title: 'net/http', modules: [] });
