/** The corpus: first message, documents, consents, summary (closing.data.ts), through the engine. */
import { CLOSING } from './closing.data';
import { runCorpus } from './support';

runCorpus('first message, documents, consents, summary', CLOSING);
