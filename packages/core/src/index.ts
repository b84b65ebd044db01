export * from './content.js';
export * from './hash.js';
export * from './permissions.js';
export * from './roles.js';
export * from './schemas.js';
export * from './status.js';
export * from './views.js';
export * from './week.js';
