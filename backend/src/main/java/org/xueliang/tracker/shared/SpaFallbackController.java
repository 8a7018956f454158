package org.xueliang.tracker.shared;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The web UI uses history-mode routes (/ledger, /progress/…): a browser reload on such a path must
 * get the single-page app's index.html. Paths with a dot (assets) and the API are not matched.
 */
@Controller
class SpaFallbackController {

    @GetMapping({"/", "/{first:^(?!api$|actuator$|v3$|swagger-ui$)[^.]*}", "/{first:^(?!api$|actuator$|v3$|swagger-ui$)[^.]*}/**"})
    String index() {
        return "forward:/index.html";
    }
}
