export { createMemoryApi } from './memory-api.js';
export {
  type MemoryApprenticeship,
  type MemoryPerson,
  type MemorySeed,
  MemoryStore,
  type MemoryWeek,
} from './memory-store.js';
export { createSampleStore, SAMPLE, sampleApi, sampleSeed } from './sample-data.js';
