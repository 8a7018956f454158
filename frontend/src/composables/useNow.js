import { onBeforeUnmount, ref } from 'vue'

/** A clock ref ticking every `everyMs`, so relative times ("3 分钟前") stay current. */
export function useNow(everyMs = 15000) {
  const now = ref(Date.now())
  const timer = setInterval(() => {
    now.value = Date.now()
  }, everyMs)
  onBeforeUnmount(() => clearInterval(timer))
  return now
}
