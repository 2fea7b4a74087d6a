import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const read = (path: string): string => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
const pkg = JSON.parse(read('package.json')) as Record<string, unknown>;

describe('the package is publishable', () => {
  it('ships an MIT LICENSE matching package.json', () => {
    expect(pkg.license).toBe('MIT');
    expect(read('LICENSE')).toMatch(/^MIT License/);
  });

  it('has a semver CHANGELOG starting at 0.1.0 for the current version', () => {
    const changelog = read('CHANGELOG.md');
    expect(changelog).toMatch(/^## \[0\.1\.0\] - \d{4}-\d{2}-\d{2}$/m);
    expect(changelog).toContain(`## [${String(pkg.version)}]`);
  });

  it('names its repository, homepage, bug tracker and keywords', () => {
    expect(pkg.repository).toMatchObject({ type: 'git', url: expect.stringMatching(/^git\+https:\/\//) });
    expect(pkg.homepage).toMatch(/^https:\/\//);
    expect(pkg.bugs).toMatchObject({ url: expect.stringMatching(/^https:\/\/.*\/issues$/) });
    expect(pkg.keywords).toEqual(expect.arrayContaining(['onebot', 'napcat', 'rxjs']));
  });

  it('README opens with the user install and a first bot, then the contributor quick start', () => {
    const readme = read('README.md');
    const install = readme.indexOf('npm i onebot-rx rxjs');
    const firstBot = readme.indexOf("from 'onebot-rx'");
    const contributor = readme.indexOf('npm install');
    expect(install).toBeGreaterThan(-1);
    expect(firstBot).toBeGreaterThan(install);
    expect(contributor).toBeGreaterThan(firstBot);
    expect(readme).toContain('npm run demo');
    expect(readme).toContain('npm test');
  });

  it.each(['README.md', ...readdirSync(new URL('../../docs/', import.meta.url)).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)])(
    '%s links only to local files that exist',
    (file) => {
      const prose = read(file)
        .replace(/```[\s\S]*?```/g, '')
        .replace(/`[^`\n]*`/g, '');
      const links = [...prose.matchAll(/\]\((?!https?:|#)([^)#]+)(?:#[^)]*)?\)/g)].map((m) => m[1] ?? '');
      const base = new URL(`../../${file.includes('/') ? file.slice(0, file.lastIndexOf('/') + 1) : ''}`, import.meta.url);
      for (const link of links) expect(existsSync(new URL(link, base)), `${file} → ${link}`).toBe(true);
    },
  );

  it('has the guides the docs index lists, each linked from it', () => {
    const index = read('docs/README.md');
    for (const guide of ['connecting-napcat', 'other-backends', 'bot-logic', 'testing', 'file-transfers', 'transports', 'actions']) {
      expect(index).toContain(`](${guide}.md)`);
    }
  });
});
