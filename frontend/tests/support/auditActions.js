// Reads the backend's Java sources and lists every audit action code they record, so a test can
// require a UI label for each. An action is the first argument of an audit call (record / recordAs
// with six or more arguments, in a file that uses AuditTrail) that is an UPPER_CASE string literal,
// or a constant of the same file holding one; a ternary of two literals gives both.
import { readFileSync, readdirSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'

const CODE = /^[A-Z][A-Z0-9_]+$/

function javaFiles(dir) {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f)
    return statSync(p).isDirectory() ? javaFiles(p) : f.endsWith('.java') ? [p] : []
  })
}

/** The top-level, comma-separated arguments of the call whose '(' is at `open`. */
export function callArguments(text, open) {
  const args = []
  let depth = 0
  let current = ''
  let quote = null
  for (let i = open + 1; i < text.length; i++) {
    const c = text[i]
    if (quote) {
      current += c
      if (c === '\\') current += text[++i]
      else if (c === quote) quote = null
      continue
    }
    if (c === '"' || c === "'") quote = c
    else if (c === '(' || c === '[' || c === '{') depth++
    else if (c === ')' || c === ']' || c === '}') {
      if (depth === 0) {
        args.push(current.trim())
        return args
      }
      depth--
    } else if (c === ',' && depth === 0) {
      args.push(current.trim())
      current = ''
      continue
    }
    current += c
  }
  return args
}

function codesIn(arg, constants) {
  const literals = [...arg.matchAll(/"([^"\\]*)"/g)].map((m) => m[1])
  const names = literals.length ? [] : [...arg.matchAll(/(?<![.\w])([A-Z][A-Z0-9_]*)(?![\w.(])/g)].map((m) => constants[m[1]])
  return [...literals, ...names].filter((v) => v !== undefined && CODE.test(v))
}

/**
 * `{actions: Set of codes, unresolved: ["file: call"]}` for the Java sources under `root`
 * (backend/src/main/java). AuditTrail itself only passes actions on and is skipped.
 */
export function auditActionsIn(root) {
  const actions = new Set()
  const unresolved = []
  for (const file of javaFiles(root)) {
    if (file.endsWith('/audit/AuditTrail.java')) continue
    const text = readFileSync(file, 'utf8')
    if (!/\bAuditTrail\b/.test(text)) continue
    const constants = Object.fromEntries([...text.matchAll(/static\s+final\s+String\s+([A-Z][A-Z0-9_]*)\s*=\s*"([^"]*)"/g)].map((m) => [m[1], m[2]]))
    for (const m of text.matchAll(/\.record(?:As)?\(/g)) {
      const args = callArguments(text, m.index + m[0].length - 1)
      if (args.length < 6) continue // not an audit call (e.g. a Micrometer timer's record)
      const found = args.slice(0, 3).map((a) => codesIn(a, constants)).find((codes) => codes.length)
      if (found) found.forEach((c) => actions.add(c))
      else unresolved.push(`${relative(root, file)}: ${args.slice(0, 3).join(', ')}`)
    }
  }
  return { actions, unresolved }
}
