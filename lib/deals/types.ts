/**
 * What the side panel needs to show deals: the deals themselves plus, in the same reply,
 * the facts that give their figures, the sources they cite and what is known of every
 * entity involved (country, organisation), so the panel never asks twice for one render.
 * All of it is structured-clonable (it crosses runtime messages).
 */
import type { DealView, EntitySummary, FactView, SourceSummary } from '../store';

export interface DealEntity extends EntitySummary {
  country?: string;
  /** For a person: the organisations they act for (roles and memberOf), in pack order. */
  organisations: string[];
}

export interface DealBundle {
  deals: DealView[];
  /** The facts the deals name in `factIds`. */
  facts: FactView[];
  /** The sources the deals cite (their own and their citations'), each in its deal's pack. */
  sources: SourceSummary[];
  /**
   * The entities asked about, their organisations, and every party, participant and place
   * of the deals. An array, not a record keyed by id: ids come from imported data.
   */
  entities: DealEntity[];
}
