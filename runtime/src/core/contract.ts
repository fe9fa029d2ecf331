/**
 * What the generator and the runtime agree on. The generator imports this module from the
 * runtime's sources, and every generated client gets a copy, so the two cannot drift.
 * Values here must stay free of platform APIs: the generator loads them in Node.
 */

/** The runtime's name for the base class of every error; each client renames it to `<Name>Error`. */
export const ERROR_BASE_CLASS = 'ClientError';
