import bundledPack from '../lib/pack/generated/pack.json';
import { startBackground } from '../lib/background/start-background';
import type { FactPack } from '../lib/pack/types';

export default defineBackground(() => {
  // The seeds compiler validated this pack when it wrote it (npm run seeds); TypeScript
  // infers JSON literals as plain strings, hence the cast.
  startBackground(bundledPack as unknown as FactPack);
});
