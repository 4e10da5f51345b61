import { goFramework } from '../framework.js';

/** Echo, found by its module in go.mod or an import. */
export const echo = goFramework({ id: 'echo', title: 'Echo', modules: ['github.com/labstack/echo'] });
