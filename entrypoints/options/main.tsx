import { render } from 'preact';
import { OptionsForm } from '../../components/OptionsForm';
import '../../assets/panel.css';

render(<OptionsForm />, document.getElementById('app')!);
