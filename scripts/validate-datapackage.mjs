// Validates a built data package (datapackage.json) with Frictionless'
// own libraries, as a data tool would read it: the descriptor against the
// Data Package profile, then every resource — each tabular one read with its
// declared schema, every row cast and every foreign key resolved (strict
// headers: the CSV's header must be the schema's field names), each file's
// size and SHA-256 checked against the descriptor. The value columns of the
// charts' CSVs are then read again with tableschema alone and must hold a
// number in every row.
//
//   node scripts/validate-datapackage.mjs <dir>/datapackage.json
//
// Prints a JSON report ({resources, rows, values, errors}) and exits 1 on
// any error.
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import datapackage from 'datapackage'
import tableschema from 'tableschema'

const { Package } = datapackage
const { Table } = tableschema

const file = process.argv[2]
if (!file) {
  console.error('usage: validate-datapackage.mjs <datapackage.json>')
  process.exit(2)
}
const base = dirname(file)
const report = { resources: 0, rows: 0, values: 0, errors: [] }
const fail = (where, err) => report.errors.push(`${where}: ${err && err.message ? err.message : err}`)

// A tabular resource as tableschema reads it: its schema and dialect as
// declared, strict (a value that does not cast is an error). The CSVs
// start with a byte-order mark for Excel, which datapackage-js's
// Resource.read (1.1.10) keeps in the first header; csv-parse is told to
// drop it, as Python's frictionless, pandas and readr do.
async function load(d) {
  return Table.load(join(base, d.path), {
    schema: d.schema, strict: true, delimiter: d.dialect.delimiter, bom: true,
  })
}

// referenced reads a resource that foreign keys point into, once; null if
// it does not read.
const refs = new Map()
async function referenced(d) {
  if (!refs.has(d.name)) {
    refs.set(d.name, await load(d).then((t) => t.read({ keyed: true })).catch(() => null))
  }
  return refs.get(d.name)
}

try {
  const pkg = await Package.load(file, { basePath: base, strict: false })
  if (!pkg.valid) pkg.errors.forEach((e) => fail('datapackage.json', e))
  const names = new Set()
  for (const res of pkg.resources) {
    report.resources++
    const d = res.descriptor
    if (names.has(d.name)) fail(d.name, 'resource name used twice')
    names.add(d.name)
    if (!res.valid) res.errors.forEach((e) => fail(d.name, e))
    // The descriptor's size and hash are those of the file.
    let bytes
    try {
      bytes = readFileSync(join(base, d.path))
    } catch (e) {
      fail(d.name, e)
      continue
    }
    if (d.bytes !== bytes.length) fail(d.name, `bytes ${d.bytes}, the file has ${bytes.length}`)
    const sum = 'sha256:' + createHash('sha256').update(bytes).digest('hex')
    if (d.hash !== sum) fail(d.name, `hash ${d.hash}, the file's is ${sum}`)
    if (!d.format || !d.mediatype) fail(d.name, 'no format or mediatype')
    if (!res.tabular || !d.schema) {
      if (d.profile === "tabular-data-resource") fail(d.name, "tabular, with no schema")
      continue
    }
    // Every row cast with the declared schema, the header being the
    // schema's field names, and every foreign key found in the resource
    // it references.
    try {
      const relations = {}
      for (const fk of d.schema.foreignKeys || []) {
        const ref = pkg.getResource(fk.reference.resource)
        if (!ref) throw new Error(`foreign key to ${fk.reference.resource}, which is not in the package`)
        const rows = await referenced(ref.descriptor)
        // A resource that does not read is reported under its own name;
        // the keys into it wait until it does.
        if (rows) relations[fk.reference.resource] = rows
      }
      const table = await load(d)
      const rows = await table.read({ keyed: true, relations })
      const want = d.schema.fields.map((f) => f.name)
      if (JSON.stringify(table.headers) !== JSON.stringify(want)) fail(d.name, `header ${JSON.stringify(table.headers)}, schema ${JSON.stringify(want)}`)
      if (rows.length === 0) fail(d.name, 'no rows')
      report.rows += rows.length
    } catch (e) {
      fail(d.name, e)
      for (const x of e.errors || []) fail(d.name, x)
    }
  }

  // A chart's bars as numbers: read its CSV with tableschema alone and
  // require a number in every row of the value column.
  for (const res of pkg.resources) {
    const d = res.descriptor
    if (!d.name.startsWith('chart-') || !d.schema) continue
    const value = d.schema.fields.find((f) => f.name === 'value')
    if (!value) continue
    if (value.type !== 'number') fail(d.name, `value is of type ${value.type}`)
    try {
      const table = await load(d)
      for (const row of await table.read({ keyed: true })) {
        if (typeof row.value !== 'number' || !Number.isFinite(row.value)) fail(d.name, `value ${JSON.stringify(row.value)} is not a number`)
        else report.values++
      }
    } catch (e) {
      fail(d.name, e)
    }
  }
} catch (e) {
  fail(file, e)
}
console.log(JSON.stringify(report, null, 1))
process.exit(report.errors.length ? 1 : 0)
