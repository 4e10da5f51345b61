import { goFramework } from '../framework.js';

/** chi, found by its module in go.mod or an import. */
export const chi = goFramework({ id: 'chi', title: 'chi', modules: ['github.com/go-chi/chi'] });
