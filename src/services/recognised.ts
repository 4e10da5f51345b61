import type { ServiceRecognition } from '../core/provider.js';

/**
 * Services that detection recognises but the generator can't write yet: a
 * project that uses one gets a warning naming it, never a silent drop. When a
 * service gets its own file (src/services/<id>.ts), its entry moves there.
 * Every service recognised so far has one.
 */
export const recognisedOnly: readonly ServiceRecognition[] = [];
