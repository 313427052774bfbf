import { useEffect, type PropsWithChildren } from 'react';
import { loadConfig } from './state/store';
import './app.css';

/** The pages render as children; the shared state lives in state/store.ts. */
export default function App({ children }: PropsWithChildren) {
  // the server's settings at once: the county's language (DEFAULT_LANG) is the first one shown
  useEffect(() => void loadConfig(), []);
  return children;
}
