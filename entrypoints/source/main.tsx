import { render } from 'preact';
import '../../components/source/source.css';
import { SourceViewerContainer } from '../../components/source/source-viewer-container';
import { uiDirection } from '../../lib/i18n';
import { sourceBridge } from '../../lib/source/source-bridge';

document.documentElement.dir = uiDirection();
render(<SourceViewerContainer bridge={sourceBridge()} />, document.getElementById('app')!);
