import { render } from 'preact';
import { OptionsApp } from '../../components/options/options-app';
import '../../components/options/options.css';
import { t } from '../../lib/i18n';

document.title = t('opt_title');
render(<OptionsApp />, document.getElementById('app')!);
