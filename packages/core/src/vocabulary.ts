/**
 * The domain's words (roles, statuses, actions, content kinds) without the rest of core, for consumers that load
 * modules through CommonJS, such as drizzle-kit reading the database schema: core's hashing needs an ESM-only package.
 */
export * from './content.js';
export * from './roles.js';
export * from './status.js';
