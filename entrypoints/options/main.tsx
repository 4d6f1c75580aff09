import { render } from 'preact';
render(<main>Factmark</main>, document.getElementById('app')!);
