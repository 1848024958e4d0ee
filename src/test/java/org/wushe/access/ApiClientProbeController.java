package org.wushe.access;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.wushe.shared.RegionCode;

/** Test only: who the caller is as CurrentUser sees it, and an endpoint guarded the way modules guard theirs. */
@RestController
class ApiClientProbeController {

    private final CurrentUser currentUser;

    ApiClientProbeController(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    @GetMapping("/api/v1/test-probe/whoami")
    Map<String, Object> whoami() {
        DataScope scope = currentUser.scope();
        return Map.of(
                "username",
                currentUser.username(),
                "wholeCountry",
                scope.wholeCountry(),
                "regions",
                scope.regions().stream().map(RegionCode::value).sorted().toList(),
                "authorities",
                authorities());
    }

    @PostMapping("/api/v1/test-probe/help-requests")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('PERM_HELP_REQUESTS_SUBMIT')")
    Map<String, Object> submit() {
        return Map.of("submittedBy", currentUser.username());
    }

    private static List<String> authorities() {
        return SecurityContextHolder.getContext().getAuthentication().getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .sorted()
                .toList();
    }
}
