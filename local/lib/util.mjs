import fs from 'node:fs';
import path from 'node:path';

/** Parse --name value / --name=value / boolean flags. Unknown options throw. */
export function parseArgs(argv, { values = [], flags = [] }) {
  const out = { _: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '') continue; // e.g. an empty Maven <argument/>
    if (!a.startsWith('--')) { out._.push(a); continue; }
    let [name, inline] = a.slice(2).split(/=(.*)/s, 2);
    if (flags.includes(name)) {
      if (inline !== undefined) throw new Error(`--${name} takes no value`);
      out[name] = true;
    } else if (values.includes(name)) {
      const v = inline !== undefined ? inline : argv[++i];
      if (v === undefined || (inline === undefined && v.startsWith('--'))) throw new Error(`--${name} needs a value`);
      out[name] = v;
    } else {
      throw new Error(`unknown option --${name}`);
    }
  }
  return out;
}

export function parsePort(value, name) {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 65535) throw new Error(`--${name}: not a port: ${value}`);
  return n;
}

/** Write JSON via temp file + rename so readers never see half a file. */
export function writeFileAtomic(file, text, mode) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  fs.writeFileSync(tmp, text, mode ? { mode } : undefined);
  fs.renameSync(tmp, file);
}

export function writeJsonAtomic(file, obj) {
  writeFileAtomic(file, JSON.stringify(obj, null, 2) + '\n');
}

export function readJsonIfExists(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    if (e.code === 'ENOENT') return null;
    throw new Error(`cannot read ${file}: ${e.message}`);
  }
}

export const xmlEscape = (s) =>
  String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]);

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
