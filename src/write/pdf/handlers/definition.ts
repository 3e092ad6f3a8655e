// [id]: url definitions print nothing; linkReference resolution is not
// supported by the parse stage, so only the definition itself reaches here.
import type { Definition } from 'mdast';
import type { Handler } from '../state.js';

export const definition: Handler<Definition> = () => [];
