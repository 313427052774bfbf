import type { PropsWithChildren } from 'react';
import './app.css';

/** The pages render as children; the shared state lives in state/store.ts. */
export default function App({ children }: PropsWithChildren) {
  return children;
}
