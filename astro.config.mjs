// The course site: Astro + Starlight. Chapters live in content/chapters (see src/content.config.ts);
// the terminal, editor and cluster view are browser modules under src/web, loaded on demand.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import mdx from '@astrojs/mdx';

const zlibShim = fileURLToPath(new URL('./src/worker/node-zlib-shim.ts', import.meta.url));

export default defineConfig({
  site: 'https://kubelab.example',
  trailingSlash: 'always',
  integrations: [
    starlight({
      title: 'kubelab',
      description: 'Kubernetes workloads, hands on: a course with a simulated cluster in your browser.',
      sidebar: [
        { label: 'Start', items: [{ label: 'Sandbox terminal', link: '/sandbox/' }] },
        { label: 'Chapters', items: [{ autogenerate: { directory: 'chapters' } }] },
      ],
      customCss: ['./src/styles/terminal.css'],
      lastUpdated: false,
      pagefind: true,
    }),
    mdx(),
  ],
  vite: {
    resolve: {
      // just-bash's browser build imports node:zlib for gzip commands we never offer.
      alias: [{ find: /^node:zlib$/, replacement: zlibShim }],
    },
    worker: { format: 'es' },
    build: { chunkSizeWarningLimit: 2000 },
  },
});
