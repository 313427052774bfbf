/**
 * Taro build configuration, written by hand (`taro init` needs the internet).
 * One source, two faces: `weapp` (the WeChat mini-program) and `h5` (the same pages served by
 * the server at /app/, calling the API on the same origin).
 */
import fs from 'fs';
import path from 'path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';

// The bot's words and the chat's own checks live in ../flows: compiled into the app, not copied.
// (Its real path: webpack matches resolved files, and the folder may be reached through a link.)
const FLOWS = fs.realpathSync(path.resolve(__dirname, '..', '..', 'flows'));

export default defineConfig<'webpack5'>(async (merge) => {
  const base: UserConfigExport<'webpack5'> = {
    projectName: 'fangpin-miniprogram',
    date: '2026-11-28',
    designWidth: 750,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: `dist/${process.env.TARO_ENV}`,
    plugins: [],
    defineConstants: {
      // The API origin for the weapp build (a mini-program has no "same origin"); h5 uses '' (same origin).
      API_BASE: JSON.stringify(process.env.TARO_ENV === 'h5' ? '' : (process.env.FANGPIN_API_BASE ?? 'http://127.0.0.1:3000')),
    },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: { type: 'webpack5', prebundle: { enable: false } },
    cache: { enable: false },
    logger: { quiet: true, stats: false },
    mini: {
      // i18next ships modern syntax (?., ??): compiled down like our own code for older WeChat clients.
      compile: { include: [FLOWS, (file: string) => /node_modules[\\/]i18next[\\/]/.test(file)] },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
    h5: {
      // Served by the server under /app/ (and inside WeChat's in-app browser).
      publicPath: '/app/',
      staticDirectory: 'static',
      // History routes under /app/ (the server answers index.html for any /app/ path): /app/pages/apply/index?cause=education.
      router: { mode: 'browser', basename: '/app' },
      compile: { include: [FLOWS] },
      output: { filename: 'js/[name].[contenthash:8].js', chunkFilename: 'js/[name].[contenthash:8].js' },
      miniCssExtractPluginOption: { ignoreOrder: true, filename: 'css/[name].[contenthash:8].css', chunkFilename: 'css/[name].[contenthash:8].css' },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
      devServer: { port: 10086, host: '127.0.0.1', proxy: [{ context: ['/api'], target: 'http://127.0.0.1:3000' }] },
    },
  };
  return merge({}, base, process.env.NODE_ENV === 'development' ? { mini: {}, h5: {} } : { mini: {}, h5: {} });
});
