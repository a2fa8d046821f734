import { render } from 'preact';
import { App } from '../../components/App';
import { PanelContext } from '../../components/panel-context';
import { createPanel } from '../../utils/models/panel';
import { messageTransport } from '../../utils/models/transport';
import '../../assets/panel.css';

const panel = createPanel(messageTransport);
render(
  <PanelContext.Provider value={panel}>
    <App />
  </PanelContext.Provider>,
  document.getElementById('app')!,
);
void panel.start();
