import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  name: string;
  version: string;
  homepage: string;
};

export const TOOL_NAME = pkg.name;
export const TOOL_VERSION = pkg.version;
/** An honest User-Agent: names the tool and where to read about it. */
export const DEFAULT_USER_AGENT = `Mozilla/5.0 (compatible; ${pkg.name}/${pkg.version}; +${pkg.homepage})`;
