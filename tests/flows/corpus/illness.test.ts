/** The corpus at the 因病 questions (illness.data.ts), through the engine. */
import { ILLNESS } from './illness.data';
import { runCorpus } from './support';

runCorpus('因病 illness', ILLNESS);
