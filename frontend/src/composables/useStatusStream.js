import { onBeforeUnmount, ref } from 'vue'
import { STATUS_STREAM_URL } from '../api/status.js'
import { backoffDelay } from '../lib/status.js'

/**
 * The live state stream (SSE, `EventSource` with the session cookie). Calls `onState(event)` for
 * each `state` event and `onOpen()` whenever a connection (re)opens, so the caller can re-read
 * what it may have missed. On error the source is closed and reopened after 1 s, 2 s, 4 s … 30 s.
 * `live` is 'connecting' | 'connected' | 'reconnecting' | 'unsupported'. Stops on unmount.
 */
export function useStatusStream({ onState, onOpen } = {}) {
  const live = ref('connecting')
  let source = null
  let timer = null
  let attempt = 0
  let stopped = false

  function connect() {
    if (stopped) return
    if (typeof EventSource === 'undefined') {
      live.value = 'unsupported'
      return
    }
    source = new EventSource(STATUS_STREAM_URL, { withCredentials: true })
    source.onopen = () => {
      attempt = 0
      live.value = 'connected'
      if (onOpen) onOpen()
    }
    source.addEventListener('state', (msg) => {
      let event
      try {
        event = JSON.parse(msg.data)
      } catch {
        return
      }
      if (onState) onState(event)
    })
    source.onerror = () => {
      if (stopped) return
      source.close()
      source = null
      live.value = 'reconnecting'
      clearTimeout(timer)
      timer = setTimeout(connect, backoffDelay(attempt++))
    }
  }

  function stop() {
    stopped = true
    clearTimeout(timer)
    if (source) source.close()
    source = null
  }

  connect()
  onBeforeUnmount(stop)
  return { live, stop }
}
