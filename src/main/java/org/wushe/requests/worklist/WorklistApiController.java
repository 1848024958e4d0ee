package org.wushe.requests.worklist;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The worklist on the API (session or bearer token), filtered by the same query parameters as the page. */
@RestController
@RequestMapping("/api/v1/help-requests")
class WorklistApiController {

    private final Worklist worklist;

    WorklistApiController(Worklist worklist) {
        this.worklist = worklist;
    }

    @GetMapping
    WorklistPage list(@ModelAttribute WorklistQuery query) {
        return worklist.worklist(query.toFilter());
    }

    @GetMapping("/mine")
    WorklistPage mine(@ModelAttribute WorklistQuery query) {
        return worklist.mine(query.toFilter());
    }
}
