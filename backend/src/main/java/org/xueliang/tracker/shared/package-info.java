/**
 * Building blocks every module uses: paging, the API's error vocabulary (RFC 9457 problem
 * details) and the clock. Nothing domain-specific lives here.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.xueliang.tracker.shared;
