import { RateLimitBudget } from './RateLimitBudget';

const headers = (remaining: number, reset = 2_000) => ({
  'x-ratelimit-limit': '1000',
  'x-ratelimit-remaining': String(remaining),
  'x-ratelimit-reset': String(reset),
  'x-ratelimit-resource': 'core',
});

describe('RateLimitBudget', () => {
  it('allows requests until only the reserve of the other consumers remains', () => {
    const budget = new RateLimitBudget(0.3, () => 1_000_000);
    budget.observe('github.com', headers(701));
    expect(budget.check('github.com')).toEqual({ allowed: true });

    budget.observe('github.com', headers(700));
    expect(budget.check('github.com')).toEqual({
      allowed: false,
      resumeAt: 2_000_000,
    });
  });

  it('resumes once the window has reset', () => {
    let now = 1_000_000;
    const budget = new RateLimitBudget(0.5, () => now);
    budget.observe('github.com', headers(10));
    expect(budget.check('github.com').allowed).toBe(false);

    now = 2_000_001;
    expect(budget.check('github.com')).toEqual({ allowed: true });
  });

  it('keeps hosts apart and ignores other rate-limit resources', () => {
    const budget = new RateLimitBudget(0.5, () => 1_000_000);
    budget.observe('ghe.example.com', headers(1));
    budget.observe('github.com', {
      ...headers(1),
      'x-ratelimit-resource': 'search',
    });

    expect(budget.check('ghe.example.com').allowed).toBe(false);
    expect(budget.check('github.com').allowed).toBe(true);
  });

  it('stops a host that GitHub reported exhausted', () => {
    const budget = new RateLimitBudget(1, () => 1_000_000);
    budget.exhaust('github.com', 1_060_000);
    expect(budget.check('github.com')).toEqual({
      allowed: false,
      resumeAt: 1_060_000,
    });
  });
});
