export { createMemoryApi } from './memory-api.js';
export {
  type MemoryApprenticeship,
  type MemoryPerson,
  type MemorySeed,
  MemoryStore,
  type MemoryWeek,
} from './memory-store.js';
export {
  createSampleStore,
  SAMPLE,
  SAMPLE_LATEST_WEEK,
  sampleApi,
  sampleSeed,
} from './sample-data.js';
