import { mount } from 'svelte';
import './app.css';
import { setupI18n } from './lib/i18n';
import App from './App.svelte';
import { registerServiceWorker } from './lib/pwa';
// Registers, at start, the clean-up of assessment drafts kept on the device when a user signs out; the pages that
// make drafts load later, in their own chunk.
import './modules/assessment/draft';
// Likewise the caregiver's phone: what the server has leaves the device with the session.
import './modules/visits/signout';

// Messages are bundled and added synchronously, so the first render already has its words.
setupI18n();

const app = mount(App, { target: document.getElementById('app')! });
registerServiceWorker();

export default app;
