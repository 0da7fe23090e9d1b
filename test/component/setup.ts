import '@testing-library/jest-dom/vitest';

// jsdom has no layout: scrolling is a no-op rather than a "not implemented" error.
window.scrollTo = () => {};
