import { describe, expect, it } from 'vitest';
import { FactCaches } from '../../server/src/shared/fact-cache.ts';

describe('the caches of seldom-changing facts', () => {
  it('hold nothing until the listener listens, and nothing once it is lost', () => {
    const caches = new FactCaches();
    const c = caches.cache<{ n: number }>('test', ['caregiver'], 10);
    c.set('a', { n: 1 }, caches.generation);
    expect(c.get('a')).toBeUndefined();
    caches.listening();
    c.set('a', { n: 1 }, caches.generation);
    expect(c.get('a')).toEqual({ n: 1 });
    caches.deaf();
    expect(c.get('a')).toBeUndefined();
    caches.listening();
    expect(c.get('a')).toBeUndefined(); // back, but starting empty: changes meanwhile went unheard
  });

  it('drop what they read from a table that changed, and only that', () => {
    const caches = new FactCaches();
    caches.listening();
    const people = caches.cache<{ n: number }>('people', ['insured_person'], 10);
    const carers = caches.cache<{ n: number }>('carers', ['caregiver', 'employment'], 10);
    people.set('p', { n: 1 }, caches.generation);
    carers.set('c', { n: 2 }, caches.generation);
    caches.changed('employment');
    expect(carers.get('c')).toBeUndefined();
    expect(people.get('p')).toEqual({ n: 1 });
    // The same name gives the same cache.
    expect(caches.cache('people', ['insured_person'], 10)).toBe(people);
  });

  it('do not keep a value read while a change was announced (it may be the row before the change)', () => {
    const caches = new FactCaches();
    caches.listening();
    const c = caches.cache<{ n: number }>('test', ['contract'], 10);
    const before = caches.generation;
    caches.changed('app_user'); // any table: the generation counts every change
    c.set('k', { n: 1 }, before);
    expect(c.get('k')).toBeUndefined();
    c.set('k', { n: 2 }, caches.generation);
    expect(c.get('k')).toEqual({ n: 2 });
  });

  it('keep at most so many values, the least recently used going first', () => {
    const caches = new FactCaches();
    caches.listening();
    const c = caches.cache<{ n: number }>('small', [], 2);
    c.set('a', { n: 1 }, caches.generation);
    c.set('b', { n: 2 }, caches.generation);
    c.get('a');
    c.set('c', { n: 3 }, caches.generation);
    expect([c.get('a'), c.get('b'), c.get('c')]).toEqual([{ n: 1 }, undefined, { n: 3 }]);
  });
});
