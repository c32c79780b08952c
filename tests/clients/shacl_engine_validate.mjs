// Validate RDF data against SHACL shapes with shacl-engine (a JavaScript SHACL engine), for the tests.
//   node shacl_engine_validate.mjs DATA.ttl SHAPES.ttl [SHAPES.ttl ...]
// Prints {"conforms": bool, "results": [{severity, focusNode, path, message}]} as JSON.
// Run with NODE_PATH unset: the packages are resolved from the working folder's node_modules
// (tests/clients/envs.py npm_package), so the script is started with that folder as cwd.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { pathToFileURL } from 'node:url'

const require = createRequire(pathToFileURL(process.cwd() + '/'))
const { Parser } = require('n3')
const rdf = (await import(pathToFileURL(require.resolve('rdf-ext')))).default
const { Validator } = await import(pathToFileURL(require.resolve('shacl-engine')))

function read (file) {
  const dataset = rdf.dataset()
  for (const quad of new Parser({ baseIRI: pathToFileURL(file).href }).parse(readFileSync(file, 'utf8'))) {
    dataset.add(rdf.quad(quad.subject, quad.predicate, quad.object))
  }
  return dataset
}

const [dataFile, ...shapeFiles] = process.argv.slice(2)
const shapes = rdf.dataset()
for (const file of shapeFiles) {
  for (const quad of read(file)) shapes.add(quad)
}
const validator = new Validator(shapes, { factory: rdf })
const report = await validator.validate({ dataset: read(dataFile) })
const results = report.results.map(result => ({
  severity: result.severity?.value,
  focusNode: result.focusNode?.value,
  path: (result.path || []).map(step => step.predicates.map(p => p.value).join('|')).join('/'),
  message: (result.message || []).map(m => m.value).join(' ')
}))
process.stdout.write(JSON.stringify({ conforms: report.conforms, results }, null, 1) + '\n')
