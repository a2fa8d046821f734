import { render } from 'preact';
import '../../assets/panel.css';

render(<main>Zoko Groups</main>, document.getElementById('app')!);
