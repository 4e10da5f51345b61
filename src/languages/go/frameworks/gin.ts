import { goFramework } from '../framework.js';

/** Gin, found by its module in go.mod or an import. */
export const gin = goFramework({ id: 'gin', title: 'Gin', modules: ['github.com/gin-gonic/gin'] });
