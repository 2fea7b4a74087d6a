import { existsSync, readFileSync } from 'node:fs';
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

  it('links only to local files that exist', () => {
    const prose = read('README.md')
      .replace(/```[\s\S]*?```/g, '')
      .replace(/`[^`\n]*`/g, '');
    const links = [...prose.matchAll(/\]\((?!https?:|#)([^)#]+)(?:#[^)]*)?\)/g)].map((m) => m[1] ?? '');
    for (const link of links) expect(existsSync(new URL(`../../${link}`, import.meta.url)), link).toBe(true);
  });
});
