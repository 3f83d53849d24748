import { mount } from 'svelte';
import './app.css';
import { setupI18n } from './lib/i18n';
import App from './App.svelte';

// Messages are bundled and added synchronously, so the first render already has its words.
setupI18n();

export default mount(App, { target: document.getElementById('app')! });
