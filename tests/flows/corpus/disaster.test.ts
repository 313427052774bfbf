/** The corpus: 因灾 disaster (disaster.data.ts), through the engine. */
import { DISASTER } from './disaster.data';
import { runCorpus } from './support';

runCorpus('因灾 disaster', DISASTER);
