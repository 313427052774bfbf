/** Is a text a question? The shape test lives with the parsers (flows/parse/question.ts), which need it too. */
export { looksLikeQuestion } from '../parse/question';
