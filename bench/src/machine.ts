import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from '@briefwatch/service-processes';

export interface Machine {
  cpu: string;
  cores: number;
  memoryGiB: number;
  os: string;
  node: string;
  postgres: string;
  kafka: string;
  java: string;
  libraries: Record<string, string>;
}

function versionOf(pkg: string): string {
  try {
    return (JSON.parse(readFileSync(path.join(repoRoot, 'node_modules', pkg, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

function commandVersion(command: string, args: string[]): string {
  // java -version, like many tools, prints to stderr.
  const result = spawnSync(command, args, { encoding: 'utf8' });
  return `${result.stdout ?? ''}${result.stderr ?? ''}`.trim().split('\n')[0] || 'unknown';
}

/** The machine the figures were measured on: they mean little without it. */
export function describeMachine(postgresVersion: string, kafkaVersion: string): Machine {
  return {
    cpu: os.cpus()[0]?.model ?? 'unknown',
    cores: os.availableParallelism(),
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    postgres: postgresVersion,
    kafka: kafkaVersion,
    java: commandVersion('java', ['-version']),
    libraries: Object.fromEntries(['kafkajs', 'rss-parser', 'xml2js', '@prisma/client', '@nestjs/core'].map((pkg) => [pkg, versionOf(pkg)])),
  };
}
