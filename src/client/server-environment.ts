/**
 * What the language server's process is started with on top of the editor's environment (the
 * language client merges these over it; a variable set to `undefined` is left out, as
 * `child_process` leaves out keys whose value is undefined). Free of `vscode`, so that the
 * benchmark starts the server exactly as the extension does.
 *
 * `NODE_EXTRA_CA_CERTS`: Node reads and parses the certificate file it names as the process
 * starts, before any of the server's code runs. The server never opens a network connection (it
 * works offline by design), so it has no use for them; machines behind a corporate proxy often
 * set the variable for every process. With Debian's bundle (about 140 certificates), a bare
 * `node -e 0` took 100–130 ms of CPU with it and 60–80 ms without (`/usr/bin/time`, three runs
 * each, 2026-12-05, loaded machine).
 */
export const serverEnvironmentOverrides: Readonly<Record<string, string | undefined>> = {
  NODE_EXTRA_CA_CERTS: undefined,
};

/** The environment a server process gets from `base` (as vscode-languageclient builds it for a forked module). */
export function serverEnvironment(base: Readonly<Record<string, string | undefined>>): Record<string, string> {
  const merged: Record<string, string | undefined> = { ...base, ...serverEnvironmentOverrides };
  return Object.fromEntries(Object.entries(merged).filter((entry): entry is [string, string] => entry[1] !== undefined));
}
