import { describe, expect, it } from 'vitest';
import { cardModel, firstSentence } from '../../lib/card/card-model';
import { entityCard, loadPack } from '../../lib/store';
import { makeSmallPack } from '../fixtures/small-pack';
import { freshStore } from '../store/helpers';

async function cardFor(id: string) {
  const db = freshStore();
  await loadPack(db, makeSmallPack(), 'bundled');
  const card = await entityCard(db, id);
  if (!card) throw new Error(`no card for ${id}`);
  return cardModel(card, 'en-US');
}

describe('cardModel', () => {
  it('gives a person a one-line identity as of the source’s date, with its proof', async () => {
    const model = await cardFor('khalil-hashmi');
    expect(model.name).toBe('Khalil Hashmi');
    expect(model.typeLabel).toBe('person');
    expect(model.identity).toBe('Ambassador to China, Embassy of Pakistan in China, as of January 20, 2025');
    expect(model.roles[0]?.evidence).toMatchObject({ quote: 'Pakistan’s Ambassador to China, Khalil Hashmi', source: 'INP', date: 'January 20, 2025', sourceId: 'src-envoy', packId: 'test-pack' });
  });

  it('formats key figures and cites each one', async () => {
    const model = await cardFor('khalil-hashmi');
    expect(model.figures).toHaveLength(1);
    expect(model.figures[0]!.figure.text).toBe('over US$600 million');
    expect(model.figures[0]!.evidence.citation).toBe('“valued at over $600 million” — INP, January 20, 2025');
  });

  it('never invents a year: a source dated "Sep 22" says so', async () => {
    const model = await cardFor('ahmed-waqas');
    expect(model.identity).toBe('CEO, Life Rehealth Technology Pakistan Co., Ltd., as of September 22 (year not stated)');
    expect(model.statements[0]?.evidence.date).toBe('September 22 (year not stated)');
  });

  it('lists deals with kind, status and date, parties resolved', async () => {
    const model = await cardFor('khalil-hashmi');
    const deal = model.deals.find((d) => d.id === 'deal-b2b-meeting');
    expect(deal?.meta).toBe('Matchmaking event · held · January 2025');
    expect(deal?.parties.map((p) => p.id)).toEqual(['pakistan-embassy-china']);
    expect(deal?.evidence.length).toBeGreaterThan(0);
  });

  it('groups related entities by how they relate', async () => {
    const model = await cardFor('khalil-hashmi');
    expect(model.related.map((g) => [g.label, g.entities.map((e) => e.id)])).toContainEqual(['Acts for', ['pakistan-embassy-china']]);
  });

  it('credits a statement to its speaker', async () => {
    const model = await cardFor('anlong-gene');
    expect(model.statements.find((s) => s.id === 'fact-health-borders')?.speaker?.id).toBe('wei-yujun');
    // An organisation has no role of its own: its description's first sentence is the identity.
    expect(model.identity).toBe('A Chinese gene medicine company.');
  });

  it('cuts a description to its first sentence', () => {
    expect(firstSentence('Doctor and CEO of X Co., Ltd. He told Y.')).toBe('Doctor and CEO of X Co., Ltd.');
    expect(firstSentence('No full stop')).toBe('No full stop');
  });
});
