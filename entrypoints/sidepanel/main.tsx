import { render } from 'preact';
import { SidePanelApp } from '../../components/sidepanel/side-panel-app';
import { followTargetFrom } from '../../components/sidepanel/use-followed-tab';
import '../../components/sidepanel/side-panel.css';

// sidepanel.html?tab=<id> or ?window=<id>: which tab to follow (see use-followed-tab.ts).
render(<SidePanelApp follow={followTargetFrom(location.search)} />, document.getElementById('app')!);
