/**
 * The local LMS page (`npm start`): the course in a frame over scorm-again, with a live panel
 * of what an LMS would record. Author tool only; never part of a package.
 */
import { mount } from 'svelte';
import def from 'virtual:course';
import Preview from './Preview.svelte';

mount(Preview, { target: document.getElementById('preview')!, props: { def } });
