package io.stackkeeper.stack;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/stack}: the facts of every stack component, each with its own error. */
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
}
