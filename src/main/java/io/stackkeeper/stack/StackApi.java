package io.stackkeeper.stack;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/stack}: the facts of every stack component, each with its own error; {@code PUT
 * /api/v1/stack/settings}: the settings, as the settings page saves them (ADMIN), for provisioning by script.
 */
@RestController
@RequestMapping("/api/v1/stack")
class StackApi {

    private final StackService stack;

    StackApi(StackService stack) {
        this.stack = stack;
    }

    @GetMapping
    StackOverview overview() {
        return stack.overview();
    }

    @PutMapping("/settings")
    SavedStackSettings save(@RequestBody StackSettingsChange settings) {
        return stack.saveSettings(settings);
    }
}
