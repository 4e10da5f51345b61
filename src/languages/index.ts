/**
 * The language providers, in detection order (a tie goes to the first).
 * Adding a language: a folder beside these (see README, "Adding a language")
 * and a line here; no core file changes.
 */
import type { LanguageProvider } from '../core/provider.js';
import { dotnet } from './dotnet/index.js';
import { go } from './go/index.js';
import { node } from './node/index.js';
import { python } from './python/index.js';
import { rust } from './rust/index.js';
import { ruby } from './ruby/index.js';
import { php } from './php/index.js';
import { java } from './java/index.js';

export const providers: readonly LanguageProvider[] = [python, node, go, rust, dotnet, ruby, php, java];
