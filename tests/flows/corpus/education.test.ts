/** The corpus: 因学 education (education.data.ts), through the engine. */
import { EDUCATION } from './education.data';
import { runCorpus } from './support';

runCorpus('因学 education', EDUCATION);
