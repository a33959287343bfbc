// Stands in for zod/v4/locales/index.js in Lambda bundles (see lambda-build-options.ts).
export { default as en } from 'zod/v4/locales/en.js';
export { default as sv } from 'zod/v4/locales/sv.js';
