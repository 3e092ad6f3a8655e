// A tiny icon of our own, linked from every page so the browser never asks
// the server root for /favicon.ico (the site may live in a sub-folder).
export const FAVICON_PATH = 'icono.svg';

export const FAVICON = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="4" fill="#123c69"/><path d="M9 6h10l5 5v15H9z" fill="#fff"/><path d="M12 15h9M12 19h9M12 23h6" stroke="#123c69" stroke-width="2"/></svg>
`;
