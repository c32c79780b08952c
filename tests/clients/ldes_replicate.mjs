// Replicate a Linked Data Event Stream with the reference LDES client (npm ldes-client), for the tests.
//   node ldes_replicate.mjs <stream URL> <state folder>
// Prints each member the client emits (materialised by ldes:versionOfPath) as one JSON line:
// {id, isVersionOf, timestamp, nquads}. The client keeps its state in the state folder, so a second
// run with the same folder emits only what is new. Started with the folder of the installed
// packages as cwd (tests/clients/envs.py npm_packages); the packages are resolved from there.
import { createRequire } from 'node:module'
import { pathToFileURL } from 'node:url'

const require = createRequire(pathToFileURL(process.cwd() + '/'))
const { Writer } = require('n3')
// its ES module build (require.resolve would give the CommonJS one, whose logger set-up fails under import)
const { replicateLDES, intoConfig } = await import(pathToFileURL(process.cwd() + '/node_modules/ldes-client/dist/lib/client.js'))

const [url, statePath] = process.argv.slice(2)
const client = replicateLDES(intoConfig({ url, statePath, materialize: true, polling: false }))
const reader = client.stream({ highWaterMark: 10 }).getReader()
for (;;) {
  const { value: member, done } = await reader.read()
  if (done) break
  const nquads = new Writer({ format: 'N-Quads' }).quadsToString(member.quads)
  const timestamp = member.timestamp instanceof Date ? member.timestamp.toISOString() : member.timestamp
  process.stdout.write(JSON.stringify({ id: member.id.value, isVersionOf: member.isVersionOf, timestamp, nquads }) + '\n')
}
