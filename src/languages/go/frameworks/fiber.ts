import { goFramework } from '../framework.js';

/** Fiber, found by its module in go.mod or an import. */
export const fiber = goFramework({ id: 'fiber', title: 'Fiber', modules: ['github.com/gofiber/fiber'], defaultPort: 3000 });
