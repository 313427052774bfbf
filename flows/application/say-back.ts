/**
 * Whether a value understood only approximately can be said back for a yes: only in a conversation
 * standing at the step that asked it. The mini-program's form checks every answer with a state
 * standing at the summary (server/core/form/form.ts `applyEnv`), where nothing can be said back: there a
 * step must take the value as written or refuse it with a hint naming what to write.
 */
import type { StepEnv } from '../engine/flow';

export const canSayBack = (env: StepEnv, step: string): boolean => env.state.step === step;
