/**
 * A domain action refused input that the channel should have stopped before (an application that
 * fails its schema, a supplement for a case that is not the contact's). Channels turn it into their
 * own answer: a re-ask in the chat, a 400 naming the field in the mini-program.
 */
export class Rejected extends Error {}
