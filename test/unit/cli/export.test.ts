/**
 * `cloudarch export` end to end: the built CLI on examples and fixtures, checking what a user
 * gets: the text on stdout or the files written (a Markdown review with its SVG beside it, a PNG
 * that decodes), errors on stderr with exit 1 for a file with errors, and exit 3 for bad usage.
 */
import { strict as assert } from 'node:assert';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { buildCli, cliRunner } from './cli-helpers';

const example = 'examples/three-tier-web.cloudarch.yaml';

const run = cliRunner(120_000);

describe('cli: cloudarch export', function () {
  this.timeout(240_000);
  let out: string;

  before(() => {
    buildCli();
    out = mkdtempSync(join(tmpdir(), 'cloudarch-export-'));
  });
  after(() => rmSync(out, { recursive: true, force: true }));

  it('prints text formats to stdout', () => {
    const svg = run('export', example, '--to', 'svg');
    assert.equal(svg.status, 0, svg.stderr);
    assert.match(svg.stdout, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    assert.ok(svg.stdout.includes('data-resource="web-lb"'));
    const mermaid = run('export', example, '--to', 'mermaid');
    assert.equal(mermaid.status, 0, mermaid.stderr);
    assert.match(mermaid.stdout, /^architecture-beta\n/);
    const drawio = run('export', example, '--to', 'drawio', '--theme', 'dark');
    assert.equal(drawio.status, 0, drawio.stderr);
    assert.match(drawio.stdout, /<mxfile /);
  });

  it('writes a Markdown review with its diagram beside it, and an HTML review', () => {
    const md = join(out, 'docs', 'review.md');
    const result = run('export', example, '--to', 'markdown', '-o', md);
    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stdout, '');
    const text = readFileSync(md, 'utf8');
    assert.match(text, /^# Design review: Three-tier web shop/);
    assert.ok(text.includes('](<review.diagram.svg>)'));
    assert.ok(readFileSync(join(out, 'docs', 'review.diagram.svg'), 'utf8').startsWith('<svg'));
    const html = join(out, 'review.html');
    assert.equal(run('export', example, '--to', 'html', '-o', html).status, 0);
    assert.match(readFileSync(html, 'utf8'), /^<!DOCTYPE html>[\s\S]*<svg[\s\S]*<\/html>\n$/);
  });

  it('writes a PNG at the scale asked for', () => {
    const svg = run('export', example, '--to', 'svg').stdout;
    const width = Number(/width="(\d+)"/.exec(svg)![1]);
    const file = join(out, 'diagram.png');
    const result = run('export', example, '--to', 'png', '-o', file, '--scale', '1.5');
    assert.equal(result.status, 0, result.stderr);
    const png = PNG.sync.read(readFileSync(file));
    assert.equal(png.width, Math.round(width * 1.5));
  });

  it('lays the picture out with elkjs when asked (--layout elkjs), with the channel layout as the default', () => {
    /** Where each resource's first box is drawn. */
    const positions = (svg: string) =>
      [...svg.matchAll(/data-resource="([^"]+)"[^>]*transform="translate\(([^)]+)\)"/g)].map((m) => `${m[1]}@${m[2]}`);
    const channels = run('export', example, '--to', 'svg');
    const explicit = run('export', example, '--to', 'svg', '--layout', 'channels');
    const elk = run('export', example, '--to', 'svg', '--layout', 'elkjs');
    for (const result of [channels, explicit, elk]) {
      assert.equal(result.status, 0, result.stderr);
      assert.equal(result.stderr, '', 'no note: elkjs laid it out');
      assert.ok(result.stdout.includes('data-resource="web-lb"'));
    }
    assert.deepEqual(positions(explicit.stdout), positions(channels.stdout));
    assert.notDeepEqual(positions(elk.stdout), positions(channels.stdout), 'elkjs places the boxes its own way');
    const drawio = run('export', example, '--to', 'drawio', '--layout', 'elkjs');
    assert.equal(drawio.status, 0, drawio.stderr);
    assert.match(drawio.stdout, /<mxfile /);
    // Mermaid is laid out by its viewer: the option is noted, not an error.
    const mermaid = run('export', example, '--to', 'mermaid', '--layout', 'elkjs');
    assert.equal(mermaid.status, 0);
    assert.match(mermaid.stderr, /--layout does not apply to mermaid/);
    assert.match(mermaid.stdout, /^architecture-beta\n/);
  });

  it('does not export a file with errors (exit 1, errors on stderr)', () => {
    const result = run('export', 'test/fixtures/validate/unknown-type.cloudarch.yaml', '--to', 'svg');
    assert.equal(result.status, 1);
    assert.equal(result.stdout, '');
    assert.match(result.stderr, /error .*\n[\s\S]*not exported/);
  });

  it('draws the layers, overlays and zone down asked for, as the diagram panel would show them', () => {
    const svgWith = (...options: string[]): string => {
      const result = run('export', example, '--to', 'svg', ...options);
      assert.equal(result.status, 0, result.stderr);
      return result.stdout;
    };
    const count = (svg: string, pattern: RegExp): number => svg.match(pattern)?.length ?? 0;
    const badges = /<g class="ca-sg-badge">/g;
    const gateway = /data-implied="internet-gateway"/g;
    // By default: security-group badges, findings and SPOF markers, no network layer.
    const plain = svgWith();
    assert.ok(count(plain, badges) > 0);
    assert.ok(count(plain, /class="ca-spof-marker"/g) > 0);
    assert.equal(count(plain, gateway), 0);
    const network = svgWith('--layers', 'network');
    assert.equal(count(network, badges), 0, 'only the layers listed are drawn');
    assert.equal(count(network, gateway), 1);
    const both = svgWith('--layers', 'security-groups,network', '--overlay', 'cost', '--zone-down', 'a', '--theme', 'print');
    assert.equal(count(both, badges), count(plain, badges));
    assert.equal(count(both, gateway), 1);
    assert.ok(count(both, /class="ca-heat"/g) > 0, 'the cost heat is drawn');
    assert.equal(count(both, /class="ca-spof-marker"/g), 0, 'only the overlays listed are drawn');
    assert.match(both, /ca-theme-print/);
    assert.match(both, /<g class="ca-container ca-container-zone ca-zone-down" data-container="zone:us-east-1a">/);
    assert.doesNotMatch(plain, /<g class="ca-container ca-container-zone ca-zone-down"/);
    const none = svgWith('--layers', 'none', '--overlay', 'none');
    assert.equal(count(none, badges) + count(none, /class="ca-spof-marker"/g) + count(none, /class="ca-finding /g), 0);
    const bad: [string[], RegExp][] = [
      [['--layers', 'network,roads'], /--layers takes a comma-separated list of security-groups, network \(or none\), not 'network,roads'/],
      [['--overlay', 'heat'], /--overlay takes a comma-separated list of cost, findings, spof, availability/],
      [['--zone-down', 'Zone A!'], /--zone-down takes a zone such as a or us-east-1a/],
    ];
    for (const [options, message] of bad) {
      const result = run('export', example, '--to', 'svg', ...options);
      assert.equal(result.status, 3, options.join(' '));
      assert.match(result.stderr, message);
    }
    const cloudformation = run('export', example, '--to', 'cloudformation', '--layers', 'network');
    assert.equal(cloudformation.status, 3);
    assert.match(
      cloudformation.stderr,
      /apply to the diagram formats, not to cloudformation \(and so do --layers, --overlay and --zone-down\)/,
    );
  });

  it('bad usage exits with 3 and says why', () => {
    const cases: [string[], RegExp][] = [
      [['export', example], /--to is required/],
      [['export', example, '--to', 'pdf'], /must be one of/],
      [['export', example, '--to', 'png'], /give it with -o/],
      [['export', example, '--to', 'png', '-o', join(out, 'x.png'), '--scale', '0'], /--scale must be/],
      [['export', example, '--to', 'svg', '--scale', '2'], /--scale applies to --to png only/],
      [['export', example, '--to', 'svg', '--theme', 'neon'], /must be one of light, dark/],
      [['export', example, '--to', 'svg', '--layout', 'graphviz'], /'--layout' must be one of channels, elkjs/],
      [
        ['export', example, '--to', 'cloudformation', '--layout', 'elkjs'],
        /--layout applies to the diagram formats, not to cloudformation/,
      ],
      [['export', '--to', 'svg'], /no file given/],
      [['export', 'no-such.cloudarch.yaml', '--to', 'svg'], /cannot read/],
    ];
    for (const [args, message] of cases) {
      const result = run(...args);
      assert.equal(result.status, 3, `${args.join(' ')}: ${result.stderr}`);
      assert.match(result.stderr, message);
    }
    assert.ok(!existsSync(join(out, 'x.png')));
  });

  it('is listed in the help', () => {
    assert.match(run('--help').stdout, /export +Export the diagram/);
    assert.match(run('export', '--help').stdout, /--to FORMAT/);
    assert.match(run('export', '--help').stdout, /--layout LAYOUT +who lays the picture out: channels \(default/);
  });
});
