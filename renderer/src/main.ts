import { createPinia } from 'pinia'
import { createApp } from 'vue'
import App from './App.vue'
import { i18n } from './i18n'

// Wiring only: every behaviour lives in the stores and components.
createApp(App).use(createPinia()).use(i18n).mount('#app')
