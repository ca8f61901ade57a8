// Builds the example's front end into dist/: one bundle per page, with Seam's SDK and Seam
// Components inside (a page fetches nothing from Seam's servers). Run: npm run example:build
import { build } from 'esbuild'

await build({
  entryPoints: { sdk: 'src/sdk.ts', components: 'src/components.tsx', app: 'src/app.css' },
  absWorkingDir: import.meta.dirname,
  outdir: 'dist',
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: 'chrome120',
  jsx: 'automatic',
  minify: true,
  define: { 'process.env.NODE_ENV': '"production"' },
  logLevel: 'info',
})
