/** GitHub's legacy global node id: base64 of `<len>:<Type><id>`. */
export function nodeId(type: string, id: number | string): string {
  const text = `0${type.length}:${type}${id}`;
  return Buffer.from(text).toString('base64').replace(/=+$/, '');
}

/** A stable numeric id for an account login (orgs and users are not stored). */
export function accountId(login: string): number {
  let hash = 7;
  for (const char of login.toLowerCase()) {
    hash = (hash * 31 + char.charCodeAt(0)) % 90_000_000;
  }
  return 10_000_000 + hash;
}
