/**
 * Stand-in for `node:zlib` in the browser build of just-bash: the terminal offers no gzip, so
 * every entry point says so rather than pulling a compression library into the worker chunk.
 */
function unavailable(): never {
  throw new Error('gzip is not available in this terminal');
}

export const constants = {};
export const gzipSync = unavailable;
export const gunzipSync = unavailable;
export default { constants, gzipSync, gunzipSync };
