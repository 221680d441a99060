/**
 * Runs code with the file system, the network and child processes switched off: every function of
 * `fs`, `http`, `https`, `net`, `tls`, `dns`, `http2`, `dgram` and `child_process` (and global
 * `fetch`) is replaced by one that records the call and throws. The pipeline must never touch any
 * of them: a `$schema` modeline or a hostile file must not make it fetch, read or write anything.
 *
 * Modules load lazily through `fs`, so warm the code up before guarding it.
 */
import * as childProcess from 'node:child_process';
import * as dgram from 'node:dgram';
import * as dns from 'node:dns';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as http2 from 'node:http2';
import * as https from 'node:https';
import * as net from 'node:net';
import * as tls from 'node:tls';

const guarded: [string, object][] = [
  ['fs', fs],
  ['fs.promises', fs.promises],
  ['http', http],
  ['https', https],
  ['http2', http2],
  ['net', net],
  ['tls', tls],
  ['dns', dns],
  ['dns.promises', dns.promises],
  ['dgram', dgram],
  ['child_process', childProcess],
];

/** Runs `run` with I/O switched off; resolves to its result and the I/O calls it attempted. */
export async function withoutIo<T>(run: () => T | Promise<T>): Promise<{ result: T; calls: string[] }> {
  const calls: string[] = [];
  const restore: (() => void)[] = [];
  // `import * as` gives a namespace object; the functions live on the CommonJS module it wraps.
  const targets = guarded.map(([name, namespace]) => [name, (namespace as { default?: object }).default ?? namespace] as const);
  for (const [name, target] of targets) {
    for (const key of Object.keys(target)) {
      const descriptor = Object.getOwnPropertyDescriptor(target, key);
      if (!descriptor || typeof descriptor.value !== 'function' || !descriptor.writable) continue;
      const original = descriptor.value as unknown;
      (target as Record<string, unknown>)[key] = function blocked(...args: unknown[]): never {
        calls.push(`${name}.${key}(${args.map((arg) => (typeof arg === 'string' ? JSON.stringify(arg) : typeof arg)).join(', ')})`);
        throw new Error(`I/O is switched off in this test: ${name}.${key}`);
      };
      restore.push(() => {
        (target as Record<string, unknown>)[key] = original;
      });
    }
  }
  const originalFetch = globalThis.fetch;
  globalThis.fetch = ((input: unknown) => {
    calls.push(`fetch(${JSON.stringify(String(input))})`);
    return Promise.reject(new Error('I/O is switched off in this test: fetch'));
  }) as typeof fetch;
  restore.push(() => {
    globalThis.fetch = originalFetch;
  });
  try {
    const result = await run();
    return { result, calls };
  } finally {
    for (const undo of restore.reverse()) undo();
  }
}
