/**
 * The page's entry: starts the course (src/app) and mounts the interface (src/ui) on it.
 * Kept apart from both so that the interface reads the app and the app never imports it.
 */
import { mount } from 'svelte';
import { startCourse } from './app/start.ts';
import App from './ui/App.svelte';
import './ui/theme.css';

void startCourse((app) => mount(App, { target: document.getElementById('app')!, props: { app } }));
