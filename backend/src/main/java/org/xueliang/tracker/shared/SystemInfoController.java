package org.xueliang.tracker.shared;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What every page needs to know about the running system before anything else: whether it runs in
 * demo mode (the UI then shows 演示模式：数据为模拟生成 on every page, the login page included) and
 * its version. Public on purpose (docs/SECURITY.md): the login page cannot call an authenticated
 * endpoint, and neither fact is a secret (the version is in the public OpenAPI document too).
 */
@RestController
class SystemInfoController {

    record SystemInfo(boolean demo, String version) {
    }

    private final SystemInfo info;

    SystemInfoController(@Value("${xl.demo:false}") boolean demo) {
        String version = SystemInfoController.class.getPackage().getImplementationVersion();
        this.info = new SystemInfo(demo, version == null ? "dev" : version);
    }

    @GetMapping("/api/v1/system/info")
    SystemInfo info() {
        return info;
    }
}
