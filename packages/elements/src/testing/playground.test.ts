import { expect } from '@open-wc/testing';
import { createSample } from './playground.js';

describe('playground', () => {
  it('runs the real router in the page', async () => {
    const sample = await createSample();
    const queue = await sample.apiAs('tom').reviewQueue(sample.companyId);
    expect(queue.map((item) => item.weekId)).to.have.members([
      sample.weeks.annaSubmitted,
      sample.weeks.benSubmitted,
    ]);
  });
});
