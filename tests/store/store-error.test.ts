import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { StoreError, isQuotaError, toStoreError } from '../../lib/store';

const quotaDom = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

describe('isQuotaError', () => {
  it.each([
    ['a QuotaExceededError DOMException', quotaDom(), true],
    ["Dexie's QuotaExceededError", new Dexie.QuotaExceededError('full'), true],
    ['an AbortError with the quota error as inner', new Dexie.AbortError('aborted', quotaDom()), true],
    ['a DatabaseClosedError with the quota error as inner', new Dexie.DatabaseClosedError('closed', new Dexie.AbortError('aborted', quotaDom())), true],
    ['an Error with the quota error as cause', new Error('wrapped', { cause: quotaDom() }), true],
    ['old Firefox’s name', Object.assign(new Error('x'), { name: 'NS_ERROR_DOM_QUOTA_REACHED' }), true],
    ['a legacy code 22', { name: 'Error', code: 22 }, true],
    ['a plain AbortError', new Dexie.AbortError('aborted'), false],
    ['a constraint error', new Dexie.ConstraintError('dup'), false],
    ['a string', 'QuotaExceededError', false],
    ['null', null, false],
  ])('%s → %s', (_, error, expected) => {
    expect(isQuotaError(error)).toBe(expected);
  });

  it('survives a cyclic cause chain', () => {
    const a = new Error('a');
    const b = new Error('b', { cause: a });
    Object.assign(a, { cause: b });
    expect(isQuotaError(a)).toBe(false);
  });
});

describe('toStoreError', () => {
  it.each([
    [new Dexie.AbortError('aborted', quotaDom()), 'quota'],
    [new Dexie.DatabaseClosedError('closed'), 'unavailable'],
    [new Dexie.MissingAPIError('no indexedDB'), 'unavailable'],
    [new TypeError('boom'), 'unknown'],
  ])('%s → %s', (error, code) => {
    const wrapped = toStoreError(error, 'testing');
    expect(wrapped).toBeInstanceOf(StoreError);
    expect(wrapped.code).toBe(code);
    expect(wrapped.cause).toBe(error);
  });

  it('passes a StoreError through', () => {
    const error = new StoreError('invalid-pack', 'bad');
    expect(toStoreError(error, 'testing')).toBe(error);
  });
});
