/**
 * Reads the docs' TypeScript type texts the way they are meant. The docs print an array of a union without
 * parentheses: `'A' | 'B'[]` or `{ …FEATURE… } | { …CREDIT… }[]` stands for `('A' | 'B')[]` (the official type files
 * have `Array<'A' | 'B'>`), while TypeScript would read "an 'A', or an array of 'B'".
 */

/**
 * Rewrites every union whose last member alone is an array into an array of the union.
 * @param {string} text a type text from the docs (object literals, string literals, names, `[]`, `|`)
 */
export function arraysOfUnions(text) {
  let i = 0;
  const skip = () => {
    while (/\s/.test(text[i] ?? '')) i++;
  };
  const union = () => {
    const alts = [primary()];
    skip();
    while (text[i] === '|') {
      i++;
      alts.push(primary());
      skip();
    }
    const last = alts[alts.length - 1];
    if (alts.length > 1 && last.dims > 0 && alts.slice(0, -1).every((a) => a.dims === 0)) {
      const inner = [...alts.slice(0, -1), { ...last, dims: last.dims - 1 }].map(show).join(' | ');
      return `(${inner})[]`;
    }
    return alts.map(show).join(' | ');
  };
  const primary = () => {
    skip();
    let base;
    if (text[i] === '{') base = object();
    else if (text[i] === '(') {
      i++;
      base = `(${union()})`;
      skip();
      i++;
    } else if (text[i] === "'" || text[i] === '"') {
      const end = text.indexOf(text[i], i + 1);
      base = text.slice(i, end + 1);
      i = end + 1;
    } else {
      const m = /^[\w$.]+/.exec(text.slice(i));
      if (!m) throw new Error(`unexpected ${JSON.stringify(text.slice(i, i + 20))} in a docs type`);
      base = m[0];
      i += m[0].length;
    }
    let dims = 0;
    while (text.startsWith('[]', i)) {
      dims++;
      i += 2;
    }
    return { base, dims };
  };
  const object = () => {
    i++;
    const members = [];
    for (skip(); text[i] !== '}'; skip()) {
      const m = /^([\w$]+|'[^']*'|"[^"]*")(\??):/.exec(text.slice(i));
      if (!m) throw new Error(`unexpected ${JSON.stringify(text.slice(i, i + 20))} in a docs object type`);
      i += m[0].length;
      members.push(`${m[1]}${m[2]}: ${union()};`);
      skip();
      if (text[i] === ';') i++;
    }
    i++;
    return members.length ? `{ ${members.join(' ')} }` : '{}';
  };
  const result = union();
  skip();
  if (i < text.length) throw new Error(`unexpected ${JSON.stringify(text.slice(i, i + 20))} after a docs type`);
  return result;
}

function show(t) {
  return `${t.base}${'[]'.repeat(t.dims)}`;
}
