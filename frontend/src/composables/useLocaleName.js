import { computed } from 'vue'
import { useI18n } from 'vue-i18n'
import { useLookupStore } from '../stores/lookups.js'

/** Locale-aware names for categories and sites. */
export function useLookupNames() {
  const { locale } = useI18n()
  const lookups = useLookupStore()
  const categoryOptions = computed(() =>
    lookups.categories.map((c) => ({ value: c.code, label: lookups.categoryName(c.code, locale.value) })),
  )
  const siteOptions = computed(() => lookups.sites.map((s) => ({ value: s.id, label: s.name, kind: s.kind })))
  const categoryName = (code) => lookups.categoryName(code, locale.value)
  return { lookups, categoryOptions, siteOptions, categoryName }
}
