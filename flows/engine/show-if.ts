/** A step's condition as data (read by conditions.ts); its own file so that flow.ts, which steps carry it in, and conditions.ts, which reads steps, need not import each other. */

/** One fact about an earlier answer: it has this value, or it has none yet. */
export type Condition = { field: string; equals: string | boolean } | { field: string; absent: true };

/** The step is asked only when every condition holds. */
export type ShowIf = Condition | Condition[];
