/** The corpus at the applicant's questions (applicant.data.ts), through the engine. */
import { APPLICANT } from './applicant.data';
import { runCorpus } from './support';

runCorpus('applicant', APPLICANT);
