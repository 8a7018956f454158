// Element Plus pieces used from scripts rather than templates (templates are resolved on
// demand by unplugin-vue-components). Their CSS is imported here, once.
import 'element-plus/theme-chalk/base.css'
import 'element-plus/es/components/message/style/css'
import 'element-plus/es/components/message-box/style/css'

export { ElMessage, ElMessageBox } from 'element-plus'
export { default as zhCnLocale } from 'element-plus/es/locale/lang/zh-cn'
export { default as enLocale } from 'element-plus/es/locale/lang/en'
