// What the functions use of undici (Agent, buildConnector, errors, request), loaded from undici's
// own modules. The functions' bundles alias `undici` to this file, so they leave out what
// undici's index also loads and they never run: fetch, WebSocket, EventSource, the cache
// store, cookies and the mock agent. Paths are relative on purpose: the alias would otherwise
// apply to `undici/lib/...` too. Tests and the CLI use the package itself.
const Agent = require('../../node_modules/undici/lib/dispatcher/agent.js');
const buildConnector = require('../../node_modules/undici/lib/core/connect.js');
const errors = require('../../node_modules/undici/lib/core/errors.js');
const util = require('../../node_modules/undici/lib/core/util.js');
const api = require('../../node_modules/undici/lib/api/index.js');

/** undici's `request(url, options)` for a caller that always names its dispatcher. */
function request(url, options) {
  const { dispatcher, ...rest } = options ?? {};
  if (!dispatcher) throw new errors.InvalidArgumentError('a dispatcher is required here');
  const target = util.parseURL(url);
  return api.request.call(dispatcher, {
    ...rest,
    origin: target.origin,
    path: target.search ? `${target.pathname}${target.search}` : target.pathname,
    method: rest.method || (rest.body ? 'PUT' : 'GET'),
  });
}

module.exports = { Agent, buildConnector, errors, request };
