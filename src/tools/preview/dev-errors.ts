/**
 * Author preview only (loaded by the dev server's page, never by a build): when the course
 * does not build, shows every validation error in the page, as `file:line:col  message`.
 */
const ERRORS_URL = '/__author-preview/errors';

async function show() {
  let errors: string[] = [];
  try {
    errors = ((await (await fetch(ERRORS_URL)).json()) as { errors: string[] }).errors;
  } catch {
    return; // no dev server behind the page: nothing to say
  }
  if (!errors.length) return;
  const box = document.createElement('section');
  box.id = 'author-preview-errors';
  box.setAttribute('role', 'alert');
  box.style.cssText = 'position:fixed;inset:0 0 auto 0;z-index:2147483647;max-height:100vh;overflow:auto;padding:12px 16px;background:#fff4f4;color:#202124;border-bottom:4px solid #b3261e;font:13px/1.5 ui-monospace,Menlo,Consolas,monospace';
  const h = document.createElement('h2');
  h.textContent = `The course has ${errors.length} error(s); the preview comes back when they are fixed.`;
  h.style.cssText = 'margin:0 0 8px;font:600 15px/1.4 system-ui,sans-serif;color:#b3261e';
  const list = document.createElement('ul');
  list.style.cssText = 'margin:0;padding-left:18px;white-space:pre-wrap';
  for (const e of errors) {
    const li = document.createElement('li');
    li.textContent = e;
    list.append(li);
  }
  box.append(h, list);
  document.body.append(box);
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => void show());
else void show();
