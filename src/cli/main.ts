/**
 * The `cloudarch` executable (bundled to dist/cli/main.js, launched by bin/cloudarch.js): binds the
 * command line to the real process, its streams and the file system. Nothing else lives here.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { version } from '../../package.json';
import type { CliIO } from './io';
import { runCli } from './run';

const io: CliIO = {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
  readFile: (path) => {
    try {
      return readFileSync(path, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new Error(
        code === 'ENOENT'
          ? 'no such file'
          : code === 'EISDIR'
            ? 'it is a directory'
            : code === 'EACCES'
              ? 'permission denied'
              : String((error as Error).message),
      );
    }
  },
  writeFile: (path, content) => {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
  },
  version,
};

void runCli(process.argv.slice(2), io).then((status) => {
  process.exitCode = status;
});
