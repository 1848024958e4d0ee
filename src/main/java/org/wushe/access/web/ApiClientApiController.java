package org.wushe.access.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.wushe.access.ApiClients;
import org.wushe.access.web.ApiClientForms.ClientView;
import org.wushe.access.web.ApiClientForms.CreateRequest;
import org.wushe.access.web.ApiClientForms.IssuedView;

@Tag(name = "API clients", description = "Other systems calling this API with a bearer token (civil-affairs admin)")
@RestController
@RequestMapping("/api/v1/api-clients")
class ApiClientApiController {

    private final ApiClients clients;

    ApiClientApiController(ApiClients clients) {
        this.clients = clients;
    }

    @Operation(summary = "The API clients within the caller's scope (never their tokens)")
    @GetMapping
    List<ClientView> list() {
        return clients.list().stream().map(ClientView::of).toList();
    }

    @Operation(summary = "One API client")
    @GetMapping("/{id}")
    ClientView get(@PathVariable long id) {
        return ClientView.of(clients.get(id));
    }

    @Operation(summary = "Create a client; the response carries its token, the only time it is shown")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    IssuedView create(@RequestBody CreateRequest request) {
        return IssuedView.of(clients.create(
                request.name(),
                ApiClientForms.scope(request.country(), request.regions()),
                ApiClientForms.permissions(request.permissions())));
    }

    @Operation(summary = "Replace the token (the old one stops working at once); the new one is shown once")
    @PostMapping("/{id}/rotate")
    IssuedView rotate(@PathVariable long id) {
        return IssuedView.of(clients.rotate(id));
    }

    @Operation(summary = "Revoke the client: its token stops working")
    @PostMapping("/{id}/revoke")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(@PathVariable long id) {
        clients.revoke(id);
    }
}
