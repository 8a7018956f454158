import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'
import Components from 'unplugin-vue-components/vite'
import { ElementPlusResolver } from 'unplugin-vue-components/resolvers'

// Element Plus is imported on demand: the resolver turns every <el-*> tag used in a
// template into an import of that one component plus its CSS. Script-side services
// (ElMessage, ElMessageBox) are imported explicitly, with their CSS, in src/plugins/element.js.
export default defineConfig({
  base: '/',
  plugins: [
    vue(),
    Components({
      dts: false,
      dirs: [],
      resolvers: [ElementPlusResolver({ importStyle: 'css' })],
    }),
  ],
  define: {
    __VUE_I18N_FULL_INSTALL__: true,
    __VUE_I18N_LEGACY_API__: false,
    __INTLIFY_PROD_DEVTOOLS__: false,
    __VUE_PROD_DEVTOOLS__: false,
  },
  server: {
    port: 5173,
    proxy: {
      '/api': { target: 'http://127.0.0.1:8080', changeOrigin: false },
      '/v3/api-docs': { target: 'http://127.0.0.1:8080' },
    },
  },
  build: {
    outDir: 'dist',
    chunkSizeWarningLimit: 700,
    rolldownOptions: {
      output: {
        // Named vendor chunks: ECharts only loads with the progress page; the Vue runtime is shared.
        codeSplitting: {
          groups: [
            { name: 'echarts', test: /node_modules[\\/](echarts|zrender)[\\/]/ },
            { name: 'vue', test: /node_modules[\\/](@vue|vue|vue-router|pinia|vue-i18n|@intlify)[\\/]/ },
          ],
        },
      },
    },
  },
  // Two kinds of tests: pure logic in Node, and components (Vue Test Utils) in happy-dom's browser DOM.
  test: {
    projects: [
      { extends: true, test: { name: 'unit', environment: 'node', include: ['tests/*.test.js'] } },
      {
        extends: true,
        test: {
          name: 'components',
          environment: 'happy-dom',
          include: ['tests/components/**/*.test.js'],
          // Element Plus components import their CSS: let Vite process the package instead of Node.
          server: { deps: { inline: ['element-plus'] } },
        },
      },
    ],
  },
})
