// @ts-check
// For `astro dev` and `astro preview`. `npm run build` does not read this file: it passes the same configuration
// (src/build/astro-config.ts) with the content directory and output it was given.
import { defineConfig } from 'astro/config';
import { astroConfig } from './src/build/astro-config.ts';
import { devContent } from './src/build/dev-content.ts';
import { siteAddress } from './src/read/site-config.ts';

export default defineConfig(astroConfig({ ...siteAddress('content'), integrations: [devContent('content')] }));
