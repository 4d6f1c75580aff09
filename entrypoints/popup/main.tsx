import { render } from 'preact';
import { PopupApp } from '../../components/popup/popup-app';
import { tabFromQuery } from '../../components/popup/use-page';
import '../../components/popup/popup.css';
import '../../components/popup/popup-view.css';

// popup.html?tab=<id> speaks about that tab instead of the active one: opened as a normal
// tab (the real-browser tests do), the popup would be its own active tab (use-page.ts).
render(<PopupApp tabId={tabFromQuery(location.search)} />, document.getElementById('app')!);

// When the popup is first painted and usable (its search box has focus): the real-browser
// test and the benchmark read this mark.
requestAnimationFrame(() => performance.mark('factmark:popup-ready'));
