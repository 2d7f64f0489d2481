import { summarize } from './stats';

describe('summarize', () => {
  it('reports mean, nearest-rank percentiles and max', () => {
    const samples = Array.from({ length: 100 }, (_, i) => i + 1).reverse();
    expect(summarize(samples)).toEqual({
      count: 100,
      mean: 50.5,
      median: 50,
      p95: 95,
      p99: 99,
      max: 100,
      total: 5050,
    });
  });

  it('gives zeros for no samples', () => {
    expect(summarize([])).toMatchObject({ count: 0, mean: 0, max: 0 });
  });
});
