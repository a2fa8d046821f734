/** The panel's models, provided once at the root and read by any component. */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Panel } from '../utils/panel/panel';

export const PanelContext = createContext<Panel | null>(null);

export function usePanel(): Panel {
  const panel = useContext(PanelContext);
  if (!panel) throw new Error('usePanel outside <PanelContext.Provider>');
  return panel;
}
