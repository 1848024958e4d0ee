package org.wushe.directory.organisations;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Organisations", description = "The directory's organisations and stations, within the caller's scope")
@RestController
@RequestMapping("/api/v1/organisations")
class OrganisationApiController {

    private final Organisations organisations;
    private final OrganisationExport export;

    OrganisationApiController(Organisations organisations, OrganisationExport export) {
        this.organisations = organisations;
        this.export = export;
    }

    @Operation(
            summary = "Organisations in the caller's scope (filters type, region subtree, status, name "
                    + "substring; page 1-based; size 10/20/50/100)")
    @GetMapping
    OrganisationPage list(OrganisationQuery query) {
        return organisations.list(query.toFilter(), query.pageNumber(), query.pageSize());
    }

    @Operation(summary = "The filtered list as xlsx (Chinese headers); the export is audited")
    @GetMapping("/export")
    void export(OrganisationQuery query, HttpServletResponse response, Locale locale) throws IOException {
        export.write(query.toFilter(), response, locale);
    }

    @GetMapping("/{id:\\d+}")
    OrganisationDetails get(@PathVariable long id) {
        return organisations.get(id);
    }

    @Operation(
            summary = "Create an organisation; the credit code is optional but validated (GB 32100); publicPhone, the"
                    + " number residents may call (landline with area code, 12345-style service number or 400/800"
                    + " number, never a mobile), is shown on residents' request status pages")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    OrganisationDetails create(@RequestBody OrganisationDraft draft) {
        return organisations.get(organisations.create(draft));
    }

    @Operation(
            summary = "Replace an organisation's description; a null contactPhone keeps the stored one, a null or"
                    + " blank publicPhone removes the published number")
    @PutMapping("/{id:\\d+}")
    OrganisationDetails update(@PathVariable long id, @RequestBody OrganisationDraft draft) {
        organisations.update(id, draft);
        return organisations.get(id);
    }

    @PostMapping("/{id:\\d+}/suspend")
    OrganisationDetails suspend(@PathVariable long id) {
        organisations.suspend(id);
        return organisations.get(id);
    }

    @PostMapping("/{id:\\d+}/activate")
    OrganisationDetails activate(@PathVariable long id) {
        organisations.activate(id);
        return organisations.get(id);
    }

    @Operation(summary = "Verification by a civil-affairs administrator")
    @PostMapping("/{id:\\d+}/verify")
    OrganisationDetails verify(@PathVariable long id) {
        organisations.verify(id);
        return organisations.get(id);
    }

    @Operation(summary = "The contact phone in clear; requires a reason and is audited (REVEAL)")
    @PostMapping("/{id:\\d+}/contact-phone/reveal")
    Map<String, String> revealContactPhone(@PathVariable long id, @RequestBody Map<String, String> body) {
        return Map.of("contactPhone", organisations.revealContactPhone(id, body == null ? null : body.get("reason")));
    }
}
